/**
 * Connects the main window to the wizards: {@link dev.quorum.app.actions.WizardActions} implements
 * the shell's actions with the install, add and replace wizards, found through ServiceLoader so
 * the shell does not depend on any wizard.
 */
package dev.quorum.app.actions;
