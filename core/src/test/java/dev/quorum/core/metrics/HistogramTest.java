package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramTest {
    static final double INF = Double.POSITIVE_INFINITY;

    static Histogram of(double... counts) {
        return new Histogram(List.of(0.001, 0.002, 0.004, 0.008, INF),
                java.util.Arrays.stream(counts).boxed().toList());
    }

    @Test
    void p99OfTheObservationsBetweenTwoScrapes() {
        Histogram before = of(100, 100, 100, 100, 100);
        // 100 new observations: 50 under 1 ms, 40 in (1, 2], 10 in (4, 8]
        Histogram after = of(150, 190, 190, 200, 200);

        // rank 99 falls in (4, 8] ms, the 9th of its 10: 4 + 4 * 9/10
        assertThat(after.quantileSince(before, 0.99)).hasValueCloseTo(0.0076, within(1e-9));
        assertThat(after.quantileSince(before, 0.5)).hasValueCloseTo(0.001, within(1e-9));
    }

    @Test
    void nothingObservedOrARestartGivesNoValue() {
        Histogram before = of(100, 100, 100, 100, 100);

        assertThat(before.quantileSince(before, 0.99)).isEmpty();
        assertThat(of(1, 1, 1, 1, 1).quantileSince(before, 0.99)).isEmpty();
        assertThat(before.quantileSince(Histogram.EMPTY, 0.99)).isEmpty();
    }

    @Test
    void beyondTheLastBucketIsItsBound() {
        assertThat(of(0, 0, 0, 0, 10).quantileSince(of(0, 0, 0, 0, 0), 0.99)).hasValue(0.008);
    }

    @Test
    void peersAreAddedUpOverEveryLabelButLe() {
        List<PromSample> samples = List.of(
                new PromSample("rtt_bucket", Map.of("To", "a", "le", "0.1"), 1),
                new PromSample("rtt_bucket", Map.of("To", "a", "le", "+Inf"), 2),
                new PromSample("rtt_bucket", Map.of("To", "b", "le", "0.1"), 3),
                new PromSample("rtt_bucket", Map.of("To", "b", "le", "+Inf"), 3),
                new PromSample("rtt_sum", Map.of("To", "b"), 9));

        Histogram rtt = Histogram.of(samples, "rtt");

        assertThat(rtt.bounds()).containsExactly(0.1, INF);
        assertThat(rtt.counts()).containsExactly(4.0, 5.0);
        assertThat(rtt.count()).isEqualTo(5);
    }
}
