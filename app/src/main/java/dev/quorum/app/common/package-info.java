/**
 * What every window and wizard of the desktop app shares: running work off the JavaFX thread
 * ({@link dev.quorum.app.common.TaskExecutor}) and posting results back to it.
 */
package dev.quorum.app.common;
