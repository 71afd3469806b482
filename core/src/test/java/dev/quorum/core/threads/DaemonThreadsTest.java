package dev.quorum.core.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    @Test
    void eachTaskGetsANewDaemonThreadOfItsOwn() {
        var executor = DaemonThreads.ownThread("test-aside");
        Thread first = CompletableFuture.supplyAsync(Thread::currentThread, executor).join();
        Thread second = CompletableFuture.supplyAsync(Thread::currentThread, executor).join();

        assertThat(first).isNotSameAs(second).isNotSameAs(Thread.currentThread());
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("test-aside");
    }

    @Test
    void aPoolsThreadsAreNumberedDaemons() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, DaemonThreads.numbered("test-pool"));
        try {
            var a = pool.submit(() -> sleepyThread());
            var b = pool.submit(() -> sleepyThread());
            assertThat(a.get(10, TimeUnit.SECONDS).getName()).matches("test-pool-[12]");
            assertThat(b.get(10, TimeUnit.SECONDS).getName()).matches("test-pool-[12]").isNotEqualTo(a.get().getName());
            assertThat(a.get().isDaemon()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Holds its thread a moment, so the pool's second task needs a second thread. */
    private static Thread sleepyThread() throws InterruptedException {
        Thread.sleep(100);
        return Thread.currentThread();
    }
}
