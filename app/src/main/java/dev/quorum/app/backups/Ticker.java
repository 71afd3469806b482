package dev.quorum.app.backups;

import dev.quorum.app.common.TaskExecutor;
import java.time.Duration;

/**
 * Calls a task on the UI thread once per period until cancelled. The app's is a JavaFX {@code Timeline} (it only
 * starts a background read; nothing blocks the UI thread); tests tick by hand, so no test waits for time to pass.
 */
@FunctionalInterface
public interface Ticker {
    TaskExecutor.Cancellable every(Duration period, Runnable tick);
}
