package dev.quorum.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its result back on it. Views and view models go through
 * this, never through threads of their own, so tests can swap in {@link SynchronousTaskExecutor}.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onError} on the UI thread.
     * The returned handle cancels the work (interrupting it) if it has not finished.
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError);

    /** Runs {@code action} on the UI thread (now if already on it). */
    void onUiThread(Runnable action);

    /** Stops accepting work and interrupts what runs; called when the window closes. */
    void shutdown();

    /** A submitted piece of work. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
