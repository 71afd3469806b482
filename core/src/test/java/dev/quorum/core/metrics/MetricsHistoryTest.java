package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {
    static final Instant T0 = Instant.parse("2026-12-04T20:00:00Z");
    static final List<Double> BOUNDS = List.of(0.001, 0.01, Double.POSITIVE_INFINITY);

    static MemberMetrics member(double applied, double leaderChanges, boolean leader, double fsyncFast, double fsyncSlow) {
        Histogram fsync = new Histogram(BOUNDS, List.of(fsyncFast, fsyncFast + fsyncSlow, fsyncFast + fsyncSlow));
        return new MemberMetrics(applied, applied, 100 * SeriesValues.MIB, 1000 * SeriesValues.MIB, leaderChanges, 0,
                leader, true, fsync, Histogram.EMPTY, Histogram.EMPTY);
    }

    static Map<String, MemberMetrics> scrape(MemberMetrics a, MemberMetrics b) {
        Map<String, MemberMetrics> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    @Test
    void gaugesAtOnceRatesAndP99FromTheSecondScrape() {
        MetricsHistory history = new MetricsHistory();
        history.record(T0, scrape(member(100, 1, true, 0, 0), member(90, 1, false, 0, 0)));
        history.record(T0.plusSeconds(10), scrape(member(300, 1, true, 100, 0), member(250, 1, false, 0, 100)));

        assertThat(history.points("b", MetricSeries.LAG)).extracting(TimePoint::value).containsExactly(10.0, 50.0);
        assertThat(history.points("a", MetricSeries.LAG)).extracting(TimePoint::value).containsExactly(0.0, 0.0);
        assertThat(history.points("a", MetricSeries.DB_SIZE)).extracting(TimePoint::value).containsOnly(100.0);
        assertThat(history.points("a", MetricSeries.DB_QUOTA_USE)).extracting(TimePoint::value).containsOnly(10.0);
        assertThat(history.points("a", MetricSeries.PROPOSALS_COMMITTED)).singleElement()
                .extracting(TimePoint::value).isEqualTo(20.0);
        assertThat(history.points("a", MetricSeries.WAL_FSYNC_P99).get(0).value()).isCloseTo(0.99, within(1e-9));
        assertThat(history.points("b", MetricSeries.WAL_FSYNC_P99).get(0).value()).isCloseTo(9.91, within(1e-9));
        assertThat(history.points("a", MetricSeries.PEER_ROUND_TRIP_P99)).isEmpty();
    }

    @Test
    void aLeaderChangeIsOneEventWithItsEvidence() {
        MetricsHistory history = new MetricsHistory();
        history.record(T0, scrape(member(100, 1, true, 0, 0), member(100, 1, false, 0, 0)));
        MetricsHistory.Recorded quiet = history.record(T0.plusSeconds(5),
                scrape(member(101, 1, true, 0, 0), member(101, 1, false, 0, 0)));
        MetricsHistory.Recorded changed = history.record(T0.plusSeconds(10),
                scrape(member(102, 2, false, 0, 0), member(102, 2, true, 0, 0)));

        assertThat(quiet.events()).isEmpty();
        assertThat(changed.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineEvent.Kind.LEADER_CHANGE);
            assertThat(e.at()).isEqualTo(T0.plusSeconds(10));
            assertThat(e.text()).isEqualTo("Leader change: a -> b (seen by a, b)");
        });
    }

    @Test
    void aRestartedMembersCountersGiveNoNegativeRate() {
        MetricsHistory history = new MetricsHistory();
        history.record(T0, Map.of("a", member(500, 3, true, 10, 0)));
        history.record(T0.plusSeconds(10), Map.of("a", member(20, 1, true, 1, 0)));

        assertThat(history.points("a", MetricSeries.PROPOSALS_COMMITTED)).isEmpty();
        assertThat(history.points("a", MetricSeries.WAL_FSYNC_P99)).isEmpty();
    }

    @Test
    void boundedByAgeMembersAndPoints() {
        MetricsHistory history = new MetricsHistory();
        history.record(T0, Map.of("gone", member(1, 1, false, 0, 0)));
        for (int i = 0; i <= MetricsHistory.MAX_POINTS + 10; i++) {
            history.record(T0.plusSeconds(1 + i), Map.of("a", member(i, 1, true, 0, 0)));
        }
        assertThat(history.points("a", MetricSeries.APPLIED_INDEX)).hasSize(MetricsHistory.MAX_POINTS);

        history.record(T0.plus(MetricsHistory.MAX_AGE).plusSeconds(1000), Map.of("a", member(1, 1, true, 0, 0)));
        assertThat(history.members()).containsExactly("a");

        Map<String, MemberMetrics> many = new LinkedHashMap<>();
        for (int i = 0; i < MetricsHistory.MAX_MEMBERS + 5; i++) {
            many.put("m" + i, member(1, 1, false, 0, 0));
        }
        history.record(T0.plus(MetricsHistory.MAX_AGE).plusSeconds(1001), many);
        assertThat(history.members()).hasSize(MetricsHistory.MAX_MEMBERS);
    }

    @Test
    void everySeriesOfAMemberIsAllocatedAtItsFirstAnswerAtTheHoursSize() {
        MetricsHistory history = new MetricsHistory(MetricsHistory.pointsFor(java.time.Duration.ofSeconds(10)));
        assertThat(history.pointsPerSeries()).isEqualTo(361);
        history.record(T0, scrape(member(1, 1, true, 0, 0), member(1, 1, false, 0, 0)));
        for (int i = 1; i <= 3 * 360; i++) { // three hours every 10 s
            history.record(T0.plusSeconds(10L * i), scrape(member(i, 1, true, 0, 0), member(i, 1, false, 0, 0)));
        }

        assertThat(history.points("a", MetricSeries.APPLIED_INDEX)).hasSize(361);
        LinePoints line = new LinePoints(120);
        history.fill("b", MetricSeries.APPLIED_INDEX, line, T0.plusSeconds(3 * 3600 - 3600), T0.plusSeconds(3 * 3600));
        assertThat(line.size()).isEqualTo(120);
        history.fill("nobody", MetricSeries.APPLIED_INDEX, line, T0, T0.plusSeconds(3 * 3600));
        assertThat(line.size()).isZero();
        assertThat(MetricsHistory.pointsFor(java.time.Duration.ofSeconds(1))).isEqualTo(MetricsHistory.MAX_POINTS);
    }
}
