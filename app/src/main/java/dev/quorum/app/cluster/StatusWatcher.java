package dev.quorum.app.cluster;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Refreshes a cluster's status about once per interval, in the background, one read at a time:
 * the next read is scheduled only when the previous one has answered. Results reach the
 * callbacks on the UI thread; after {@link #stop()} none does.
 */
public final class StatusWatcher {
    private final TaskExecutor executor;
    private final StatusSource source;
    private final Consumer<ClusterStatus> onStatus;
    private final Consumer<Throwable> onError;
    private final Duration interval;
    private TaskExecutor.Cancellable pending;
    private boolean running;
    private AtomicBoolean asleep = new AtomicBoolean();
    private int generation;

    public StatusWatcher(TaskExecutor executor, StatusSource source, Consumer<ClusterStatus> onStatus,
                         Consumer<Throwable> onError, Duration interval) {
        this.executor = executor;
        this.source = source;
        this.onStatus = onStatus;
        this.onError = onError;
        this.interval = interval;
    }

    /** Starts watching: a first read at once, then one per interval. Call on the UI thread. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        schedule(Duration.ZERO);
    }

    /** One read now, without a loop (for tests with a same-thread executor, and the first paint). */
    public void refreshOnce() {
        int mine = ++generation;
        executor.submit(source::read, status -> deliver(mine, status, false), e -> fail(mine, e, false));
    }

    /** Reads now if the watcher is only waiting for its next turn; a read under way is answer enough. */
    public void refreshNow() {
        if (running && pending != null && asleep.compareAndSet(true, false)) {
            pending.cancel();
            schedule(Duration.ZERO);
        }
    }

    private void schedule(Duration delay) {
        int mine = ++generation;
        AtomicBoolean sleeping = new AtomicBoolean(!delay.isZero());
        asleep = sleeping;
        pending = executor.submit(() -> {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            sleeping.set(false);
            return source.read();
        }, status -> deliver(mine, status, true), e -> fail(mine, e, true));
    }

    private void deliver(int mine, ClusterStatus status, boolean loop) {
        answered(mine, loop, () -> onStatus.accept(status));
    }

    private void fail(int mine, Throwable error, boolean loop) {
        answered(mine, loop, () -> onError.accept(error));
    }

    /** A read answered: reported only if no newer read or stop came since, then the loop's next turn. */
    private void answered(int mine, boolean loop, Runnable report) {
        if (mine != generation || (loop && !running)) {
            return;
        }
        report.run();
        if (loop) {
            schedule(interval);
        }
    }

    /** Stops the loop and releases the source (its clients close in the background). */
    public void stop() {
        running = false;
        generation++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        executor.submit(() -> {
            source.close();
            return null;
        }, ignored -> { }, ignored -> { });
    }

    public boolean running() {
        return running;
    }
}
