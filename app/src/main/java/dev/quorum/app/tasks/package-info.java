/**
 * Runs as people read them: a reusable live log ({@link dev.quorum.app.tasks.LiveLogView} over
 * {@link dev.quorum.app.tasks.LiveLogViewModel}, fed by a thread-safe
 * {@link dev.quorum.app.tasks.LogFeed}), and the run history read back from the run logs.
 * The wizards' run page uses the same live log.
 */
package dev.quorum.app.tasks;
