package dev.quorum.core.inventory;

import java.util.List;
import java.util.Objects;

/**
 * The etcd variables Quorum applies to the whole cluster. Ansible resolves variables per host, so Kubespray
 * would honour one set in a member's {@code host_vars} (or a group only some members are in); Quorum writes
 * one value for every member (peers must agree on most of them: the token, the election timing, the version),
 * so a member whose own value differs is refused when the inventory is read, naming where it was set, rather
 * than silently given the group's value.
 */
final class ClusterWideVariables {
    static final List<String> NAMES = List.of("etcd_version", "etcd_download_url", "etcd_binary_checksum",
            "etcd_binary_checksums", "etcd_data_dir", "etcd_cert_dir", "etcd_config_dir", "etcd_initial_cluster_token",
            "etcd_election_timeout", "etcd_heartbeat_interval", "etcd_quota_backend_bytes", "etcd_cert_alt_names",
            "etcd_cert_alt_ips", "etcd_metrics", "etcd_listen_metrics_urls", "etcd_metrics_port", "etcd_log_level",
            "etcd_snapshot_count", "etcd_compaction_retention", "etcd_max_request_bytes", "etcd_max_snapshots",
            "etcd_max_wals", "etcd_tls_cipher_suites", "etcd_extra_vars", "etcd_experimental_initial_corrupt_check",
            "etcd_experimental_watch_progress_notify_interval", "etcd_experimental_enable_distributed_tracing",
            "etcd_experimental_distributed_tracing_address", "etcd_experimental_distributed_tracing_sample_rate",
            "etcd_experimental_distributed_tracing_service_name", "certificates_duration", "bin_dir");

    private ClusterWideVariables() {
    }

    static void requireSame(VariableScope cluster, String memberHost, VariableScope member) {
        for (String name : NAMES) {
            if (!cluster.isSet(name) && !member.isSet(name)) {
                continue;
            }
            if (Objects.equals(cluster.raw(name), member.raw(name))) {
                continue; // the same text (or both unset); Kubespray's lookup expressions are read elsewhere
            }
            Object clusterValue = resolved(cluster, name);
            Object memberValue = resolved(member, name);
            if (!Objects.equals(String.valueOf(clusterValue), String.valueOf(memberValue))) {
                throw member.problem(name, "is " + shown(memberValue) + " for member host " + memberHost
                                + ", but " + shown(clusterValue) + " for the etcd group (" + cluster.originOf(name) + ")",
                        "Quorum writes one value of " + name + " for every member of the cluster: set it once for "
                                + "the etcd group (group_vars/etcd or group_vars/all) and remove it from where it is "
                                + "set for " + memberHost);
            }
        }
    }

    /** The value as Quorum reads it, or as written where it cannot resolve it (then only the same text is the same). */
    private static Object resolved(VariableScope scope, String name) {
        try {
            return scope.value(name);
        } catch (InventoryException e) {
            return scope.raw(name);
        }
    }

    private static String shown(Object value) {
        return value == null ? "unset" : "\"" + InventoryRules.shown(String.valueOf(value)) + "\"";
    }
}
