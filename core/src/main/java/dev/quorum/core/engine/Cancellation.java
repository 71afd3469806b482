package dev.quorum.core.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Cooperative cancellation: long steps poll it and waits wake up when it fires. */
public final class Cancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    public void throwIfCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Sleeps, but returns early (with an exception) when cancelled. */
    public void sleep(Duration duration) throws CancelledException {
        try {
            if (cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CancelledException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
