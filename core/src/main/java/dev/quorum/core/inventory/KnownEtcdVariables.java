package dev.quorum.core.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code etcd_*} variables Quorum reads. Every other {@code etcd_*} variable of the etcd group is
 * {@linkplain #ignored(Map) ignored} and said so by {@code --plan}. A change that honours a new variable adds it here.
 */
final class KnownEtcdVariables {
    static final Set<String> NAMES = Set.of(
            "etcd_version", "etcd_download_url", "etcd_binary_checksum", "etcd_binary_checksums", "etcd_data_dir",
            "etcd_config_dir", "etcd_cert_dir", "etcd_heartbeat_interval", "etcd_election_timeout",
            "etcd_cert_alt_names", "etcd_cert_alt_ips", "etcd_initial_cluster_token", "etcd_member_name",
            "etcd_quota_backend_bytes", "etcd_enable_v2",
            "etcd_metrics", MetricsUrls.URLS, MetricsUrls.PORT, "etcd_log_level", "etcd_snapshot_count",
            "etcd_compaction_retention", "etcd_max_request_bytes", "etcd_max_snapshots", "etcd_max_wals",
            CipherSuitesReader.NAME, EtcdExtraVars.NAME, "etcd_experimental_initial_corrupt_check",
            "etcd_experimental_watch_progress_notify_interval", "etcd_experimental_enable_distributed_tracing",
            "etcd_experimental_distributed_tracing_address", "etcd_experimental_distributed_tracing_sample_rate",
            "etcd_experimental_distributed_tracing_service_name", ClusterLayout.EVENTS_ENABLED,
            ClusterLayout.EVENTS_DATA_DIR);

    private KnownEtcdVariables() {
    }

    /** The etcd_* variables among {@code vars} that Quorum does not read, sorted by name. */
    static List<IgnoredVariable> ignored(Map<String, Object> vars) {
        return vars.entrySet().stream()
                .filter(e -> e.getKey().startsWith("etcd_") && !NAMES.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new IgnoredVariable(e.getKey(), e.getValue()))
                .toList();
    }
}
