/**
 * The frame every wizard shares: {@link dev.quorum.app.wizard.WizardModel} (pages, Back / Next /
 * Cancel, the {@link dev.quorum.app.wizard.WizardState} machine), the review, run and result pages
 * over core plans ({@link dev.quorum.app.wizard.PlanSource}), and the inputs several wizards use
 * (inventory, members, host keys). View models hold the logic and run all work through the
 * {@link dev.quorum.app.common.TaskExecutor}; views ({@code *View}, {@code *Page.view()}) only bind.
 */
package dev.quorum.app.wizard;
