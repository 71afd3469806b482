package dev.quorum.core.metrics;

import java.util.List;

/**
 * What Quorum reads from one member's {@code /metrics} (etcd 3.4 to 3.6 write these names). A gauge or counter
 * the member did not write is NaN.
 *
 * @param appliedIndex   etcd_server_proposals_applied_total: etcd sets it to the raft index it has applied
 * @param committedIndex etcd_server_proposals_committed_total: likewise the committed raft index
 * @param peerRoundTrip  etcd_network_peer_round_trip_time_seconds, all peers together
 */
public record MemberMetrics(double appliedIndex, double committedIndex, double dbSizeBytes, double quotaBytes,
                            double leaderChanges, double proposalsFailed, boolean leader, boolean hasLeader,
                            Histogram walFsync, Histogram backendCommit, Histogram peerRoundTrip) {

    public static MemberMetrics from(List<PromSample> samples) {
        return new MemberMetrics(
                value(samples, "etcd_server_proposals_applied_total"),
                value(samples, "etcd_server_proposals_committed_total"),
                value(samples, "etcd_mvcc_db_total_size_in_bytes"),
                value(samples, "etcd_server_quota_backend_bytes"),
                value(samples, "etcd_server_leader_changes_seen_total"),
                value(samples, "etcd_server_proposals_failed_total"),
                value(samples, "etcd_server_is_leader") == 1,
                value(samples, "etcd_server_has_leader") == 1,
                Histogram.of(samples, "etcd_disk_wal_fsync_duration_seconds"),
                Histogram.of(samples, "etcd_disk_backend_commit_duration_seconds"),
                Histogram.of(samples, "etcd_network_peer_round_trip_time_seconds"));
    }

    public static MemberMetrics parse(String text) {
        return from(PromTextParser.parse(text));
    }

    /** The first unlabelled sample of that name (etcd writes these once), else NaN. */
    private static double value(List<PromSample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(PromSample::value).findFirst()
                .orElse(Double.NaN);
    }
}
