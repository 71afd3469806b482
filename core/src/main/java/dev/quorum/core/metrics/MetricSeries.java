package dev.quorum.core.metrics;

/** The series Quorum keeps per member, each one chart; values in the unit named here. */
public enum MetricSeries {
    APPLIED_INDEX("Raft applied index", "index"),
    LAG("Lag behind the leader", "entries"),
    DB_SIZE("DB size", "MiB"),
    DB_QUOTA_USE("DB size against the quota", "%"),
    LEADER_CHANGES("Leader changes seen", "count"),
    PROPOSALS_COMMITTED("Proposals committed", "per s"),
    PROPOSALS_FAILED("Proposals failed", "per s"),
    PEER_ROUND_TRIP_P99("Peer round trip p99", "ms"),
    WAL_FSYNC_P99("WAL fsync p99", "ms"),
    BACKEND_COMMIT_P99("Backend commit p99", "ms");

    private final String title;
    private final String unit;

    MetricSeries(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** A share of a limit (0 to 100 %): drawn on that whole range, so the headroom left is what the eye sees. */
    public boolean isShareOfLimit() {
        return this == DB_QUOTA_USE;
    }
}
