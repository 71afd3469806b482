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

    @Test
    void aFullRingOverwritesItsOldestAndKeepsItsCapacity() {
        SampleRing ring = new SampleRing(360, Duration.ofHours(1));
        for (int i = 0; i < 3 * 360; i++) { // three hours at one point every 10 s
            ring.add(T0.plusSeconds(10L * i), i);
        }

        assertThat(ring.size()).isEqualTo(ring.capacity()).isEqualTo(360);
        assertThat(ring.points().get(0).value()).isEqualTo(2 * 360);
        assertThat(ring.points().get(359).value()).isEqualTo(3 * 360 - 1);
    }

    @Test
    void fillGivesEveryPointInRangeWhenTheyFit() {
        SampleRing ring = new SampleRing(100, Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            ring.add(T0.plusSeconds(10L * i), i);
        }
        LinePoints line = new LinePoints(8);

        ring.fill(line, T0.plusSeconds(30).toEpochMilli(), T0.plusSeconds(90).toEpochMilli());

        assertThat(values(line)).containsExactly(3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(line.at(0)).isEqualTo(T0.plusSeconds(30).toEpochMilli());
    }

    @Test
    void fillDownsamplesALongRangeToTheLinesCapacityKeepingEachSlicesPeak() {
        SampleRing ring = new SampleRing(361, Duration.ofHours(1));
        for (int i = 0; i <= 360; i++) { // an hour every 10 s, one spike
            ring.add(T0.plusSeconds(10L * i), i == 200 ? 500 : 1);
        }
        LinePoints line = new LinePoints(120);

        ring.fill(line, T0.toEpochMilli(), T0.plusSeconds(3600).toEpochMilli());

        assertThat(line.size()).isEqualTo(120);
        assertThat(values(line)).contains(500.0);
        assertThat(values(line).stream().filter(v -> v == 500.0)).hasSize(1);
        for (int i = 1; i < line.size(); i++) {
            assertThat(line.at(i)).as("oldest first").isGreaterThan(line.at(i - 1));
        }
    }

    @Test
    void fillWritesOverWhatTheLineHeld() {
        SampleRing ring = new SampleRing(10, Duration.ofHours(1));
        ring.add(T0, 1);
        LinePoints line = new LinePoints(4);
        ring.fill(line, T0.minusSeconds(1).toEpochMilli(), T0.toEpochMilli());
        ring.fill(line, T0.plusSeconds(1).toEpochMilli(), T0.plusSeconds(2).toEpochMilli());

        assertThat(line.size()).isZero();
    }

    static java.util.List<Double> values(LinePoints line) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            values.add(line.value(i));
        }
        return values;
    }
}
