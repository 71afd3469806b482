package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private static final List<String> HOSTS = List.of("h6", "h1", "h5", "h2", "h4", "h3");

    @Test
    void keepsInputOrderWhateverFinishesFirst() {
        Map<String, Outcome<String>> outcomes = FanOut.forEach(HOSTS, 6, host -> {
            Thread.sleep(10L * (7 - host.charAt(1) + '0')); // h1 slowest, h6 fastest
            return host.toUpperCase();
        });
        assertThat(outcomes.keySet()).containsExactlyElementsOf(HOSTS);
        assertThat(outcomes.get("h5").value()).isEqualTo("H5");
        assertThat(outcomes.values()).allMatch(Outcome::ok);
    }

    @Test
    void neverRunsMoreThanParallelism() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        FanOut.forEach(HOSTS, 2, host -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(40);
            running.decrementAndGet();
            return null;
        });
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void collectsFailuresWithoutStoppingOthers() {
        Map<String, Outcome<Integer>> outcomes = FanOut.forEach(HOSTS, 3, host -> {
            if (host.equals("h2")) {
                throw new IOException("disk full on h2");
            }
            return host.length();
        });
        assertThat(outcomes.get("h2").ok()).isFalse();
        assertThat(outcomes.get("h2").error()).isInstanceOf(IOException.class).hasMessage("disk full on h2");
        assertThat(outcomes.values().stream().filter(Outcome::ok)).hasSize(5);
    }

    @Test
    void cancellationSkipsHostsNotYetStarted() {
        AtomicBoolean cancel = new AtomicBoolean();
        Map<String, Outcome<String>> outcomes = FanOut.forEach(HOSTS, 1, Cancellation.of(cancel), host -> {
            if (host.equals("h1")) {
                cancel.set(true); // e.g. the user pressed Cancel while h1 was running
            }
            return host;
        });
        assertThat(outcomes.get("h6").ok()).isTrue();
        assertThat(outcomes.get("h1").ok()).isTrue(); // already running: finishes
        assertThat(List.of("h5", "h2", "h4", "h3")).allMatch(h -> outcomes.get(h).cancelled());
    }

    @Test
    void emptyInputGivesEmptyResult() {
        assertThat(FanOut.forEach(List.of(), 4, host -> host)).isEmpty();
    }

    @Test
    void onTheCallersExecutorTheThreadsAreItsAndItStaysOpen() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(2, task -> new Thread(task, "caller-pool"));
        try {
            for (int round = 0; round < 2; round++) {
                Map<String, Outcome<String>> outcomes = FanOut.forEach(HOSTS, readers, Cancellation.NONE, host -> {
                    if (host.equals("h5")) {
                        throw new IOException("h5 down");
                    }
                    return host + "@" + Thread.currentThread().getName();
                });

                assertThat(outcomes.keySet()).containsExactlyElementsOf(HOSTS);
                assertThat(outcomes.get("h5").error()).isInstanceOf(IOException.class);
                assertThat(outcomes.get("h6").value()).isEqualTo("h6@caller-pool");
            }
            assertThat(readers.isShutdown()).isFalse();
        } finally {
            readers.shutdownNow();
        }
    }
}
