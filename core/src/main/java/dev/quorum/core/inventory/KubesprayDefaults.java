package dev.quorum.core.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubespray's role defaults for the variables Quorum honours, written as Kubespray writes them so
 * that overriding one variable (say {@code etcd_config_dir} or {@code cluster_name}) flows into the
 * ones derived from it. They rank below everything in the inventory.
 */
final class KubesprayDefaults {
    private KubesprayDefaults() {
    }

    static Map<String, Object> values() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("etcd_version", EtcdSettings.DEFAULT_VERSION);
        d.put("image_arch", EtcdSettings.DEFAULT_ARCHITECTURE);
        d.put("github_url", "https://github.com");
        d.put("bin_dir", EtcdSettings.DEFAULT_BIN_DIR);
        d.put("etcd_data_dir", EtcdSettings.DEFAULT_DATA_DIR);
        d.put("etcd_config_dir", "/etc/ssl/etcd");
        d.put("etcd_cert_dir", "{{ etcd_config_dir }}/ssl");
        d.put("etcd_heartbeat_interval", EtcdSettings.DEFAULT_HEARTBEAT_MILLIS);
        d.put("etcd_election_timeout", EtcdSettings.DEFAULT_ELECTION_MILLIS);
        d.put("cluster_name", "cluster.local");
        d.put("dns_domain", "{{ cluster_name }}");
        d.put("etcd_cert_alt_names", List.of(
                "etcd.kube-system.svc.{{ dns_domain }}", "etcd.kube-system.svc", "etcd.kube-system", "etcd"));
        d.put("etcd_cert_alt_ips", List.of());
        d.put("etcd_initial_cluster_token", EtcdSettings.DEFAULT_CLUSTER_TOKEN);
        return d;
    }
}
