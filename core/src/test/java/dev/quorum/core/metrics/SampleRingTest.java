package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleRingTest {
    static final Instant T0 = Instant.parse("2026-12-04T20:00:00Z");

    @Test
    void boundedByCount() {
        SampleRing ring = new SampleRing(3, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            ring.add(new TimePoint(T0.plusSeconds(i), i));
        }

        assertThat(ring.points()).extracting(TimePoint::value).containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void boundedByAge() {
        SampleRing ring = new SampleRing(100, Duration.ofMinutes(10));
        ring.add(new TimePoint(T0, 1));
        ring.add(new TimePoint(T0.plusSeconds(300), 2));
        ring.add(new TimePoint(T0.plusSeconds(601), 3));

        assertThat(ring.points()).extracting(TimePoint::value).containsExactly(2.0, 3.0);

        ring.expire(T0.plusSeconds(2000));
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void aPointFromThePastIsDropped() {
        SampleRing ring = new SampleRing(10, Duration.ofHours(1));
        ring.add(new TimePoint(T0.plusSeconds(10), 1));
        ring.add(new TimePoint(T0, 2));

        assertThat(ring.size()).isEqualTo(1);
    }
}
