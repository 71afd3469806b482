package dev.quorum.app.common;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The synchronous executor for unit tests of view models: {@code submit} returns once the work has
 * ended and its callback has run. It keeps the app's threading all the same: the first thread that
 * uses it plays the UI thread (as the JavaFX thread does in the app); the work runs on a thread of
 * its own, and while it runs the UI thread carries out what other threads hand over, in order. So
 * view models are changed by one thread only, and a test may act as the user in the middle of a run.
 */
public final class SynchronousTaskExecutor implements TaskExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Runnable WAKE_UP = () -> { };

    private final AtomicReference<Thread> uiThread = new AtomicReference<>();
    private final BlockingQueue<Runnable> handedOver = new LinkedBlockingQueue<>();

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onError) {
        requireUiThread();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                outcome.complete(work.call());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            } finally {
                handedOver.add(WAKE_UP);
            }
        }, "test-background-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
        while (!outcome.isDone()) {
            runNext();
        }
        runHandedOver();
        T result;
        try {
            result = outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // an assertion inside the work fails the test, as it would on the calling thread
            }
            onError.accept(e.getCause());
            return () -> { };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the work ran", e);
        }
        onSuccess.accept(result);
        return () -> { };
    }

    @Override
    public void onUiThread(Runnable action) {
        if (isUiThread()) {
            runHandedOver();
            action.run();
        } else {
            handedOver.add(action);
        }
    }

    private void runNext() {
        try {
            handedOver.take().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the work ran", e);
        }
    }

    private void runHandedOver() {
        for (Runnable action = handedOver.poll(); action != null; action = handedOver.poll()) {
            action.run();
        }
    }

    /** Binds the UI thread before the work can start threads of its own. */
    private void requireUiThread() {
        if (!isUiThread()) {
            throw new IllegalStateException("work submitted from " + Thread.currentThread().getName()
                    + ", but this executor's UI thread is " + uiThread.get().getName());
        }
    }

    private boolean isUiThread() {
        Thread current = Thread.currentThread();
        return uiThread.compareAndSet(null, current) || uiThread.get() == current;
    }

    @Override
    public void shutdown() {
        // nothing outlives submit
    }
}
