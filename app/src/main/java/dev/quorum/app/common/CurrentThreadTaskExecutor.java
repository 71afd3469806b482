package dev.quorum.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: for unit tests of view models. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return () -> { };
        }
        onSuccess.accept(result);
        return () -> { };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
