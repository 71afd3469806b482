package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusWatcherTest {
    private final List<ClusterStatus> delivered = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StatusSource source(boolean fails) {
        return new StatusSource() {
            @Override
            public ClusterStatus read() {
                reads.incrementAndGet();
                if (fails) {
                    throw new IllegalStateException("no route to host");
                }
                return Statuses.of(10, "leader", "follower", "follower");
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    @Test
    void aReadReachesTheCallback() {
        StatusWatcher watcher = new StatusWatcher(new SynchronousTaskExecutor(), source(false), delivered::add,
                errors::add, Duration.ofSeconds(1));

        watcher.refreshOnce();

        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).healthy()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void aFailedReadReachesTheErrorCallback() {
        StatusWatcher watcher = new StatusWatcher(new SynchronousTaskExecutor(), source(true), delivered::add,
                errors::add, Duration.ofSeconds(1));

        watcher.refreshOnce();

        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("no route to host");
        assertThat(delivered).isEmpty();
    }

    @Test
    void stopClosesTheSourceAndRefreshNowThenDoesNothing() {
        StatusWatcher watcher = new StatusWatcher(new SynchronousTaskExecutor(), source(false), delivered::add,
                errors::add, Duration.ofSeconds(1));

        watcher.stop();
        watcher.refreshNow();

        assertThat(closed).isTrue();
        assertThat(watcher.running()).isFalse();
        assertThat(reads).hasValue(0);
    }
}
