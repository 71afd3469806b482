package dev.quorum.core.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One member's chart values from a scrape: gauges as they are, counters as rates and histograms as p99 over the
 * time since the member's previous scrape (none on the first scrape, nor when a counter went backwards because
 * the member restarted). Pure.
 */
public final class SeriesValues {
    static final double MIB = 1024.0 * 1024.0;

    private SeriesValues() {
    }

    /**
     * @param leaderApplied the leader's applied index in the same scrape (the highest any member has when no
     *                      member says it leads); empty when no member answered with one
     * @param seconds       since the previous scrape of this member
     */
    public static Map<MetricSeries, Double> of(MemberMetrics now, Optional<MemberMetrics> before,
                                               OptionalDouble leaderApplied, double seconds) {
        Map<MetricSeries, Double> values = new EnumMap<>(MetricSeries.class);
        put(values, MetricSeries.APPLIED_INDEX, now.appliedIndex());
        if (leaderApplied.isPresent() && !Double.isNaN(now.appliedIndex())) {
            put(values, MetricSeries.LAG, Math.max(0, leaderApplied.getAsDouble() - now.appliedIndex()));
        }
        put(values, MetricSeries.DB_SIZE, now.dbSizeBytes() / MIB);
        if (now.quotaBytes() > 0) {
            put(values, MetricSeries.DB_QUOTA_USE, 100 * now.dbSizeBytes() / now.quotaBytes());
        }
        put(values, MetricSeries.LEADER_CHANGES, now.leaderChanges());
        if (before.isEmpty() || seconds <= 0) {
            return values;
        }
        MemberMetrics was = before.get();
        rate(values, MetricSeries.PROPOSALS_COMMITTED, now.committedIndex() - was.committedIndex(), seconds);
        rate(values, MetricSeries.PROPOSALS_FAILED, now.proposalsFailed() - was.proposalsFailed(), seconds);
        millis(values, MetricSeries.PEER_ROUND_TRIP_P99, now.peerRoundTrip().quantileSince(was.peerRoundTrip(), 0.99));
        millis(values, MetricSeries.WAL_FSYNC_P99, now.walFsync().quantileSince(was.walFsync(), 0.99));
        millis(values, MetricSeries.BACKEND_COMMIT_P99, now.backendCommit().quantileSince(was.backendCommit(), 0.99));
        return values;
    }

    private static void put(Map<MetricSeries, Double> values, MetricSeries series, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            values.put(series, value);
        }
    }

    private static void rate(Map<MetricSeries, Double> values, MetricSeries series, double delta, double seconds) {
        if (delta >= 0) {
            put(values, series, delta / seconds);
        }
    }

    private static void millis(Map<MetricSeries, Double> values, MetricSeries series, OptionalDouble seconds) {
        seconds.ifPresent(s -> put(values, series, s * 1000));
    }
}
