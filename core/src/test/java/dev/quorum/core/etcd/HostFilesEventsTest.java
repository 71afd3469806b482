package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events cluster's files, as Kubespray's etcd-events.env.j2 and etcd-events-host.service.j2 (decision 0038). */
class HostFilesEventsTest {
    static final EtcdSettings EVENTS = HostFilesTest.SETTINGS.forEvents("/var/lib/etcd-events");
    static final List<EtcdMember> CLUSTER = HostFilesTest.CLUSTER.stream()
            .map(m -> new EtcdMember(m.host(), m.memberName() + "-events", ClusterLayout.EVENTS)).toList();

    @Test
    void envFileHasTheEventsPortsNamesDataDirAndTokenWithTheSameCertificates() {
        String text = HostFiles.envFile(CLUSTER.get(0), CLUSTER, EVENTS, InitialClusterState.NEW);
        EnvFile env = EnvFile.parse(text);

        assertThat(env.values()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("ETCD_DATA_DIR", "/var/lib/etcd-events"),
                Map.entry("ETCD_ADVERTISE_CLIENT_URLS", "https://192.168.122.31:2383"),
                Map.entry("ETCD_INITIAL_ADVERTISE_PEER_URLS", "https://192.168.122.31:2382"),
                Map.entry("ETCD_INITIAL_CLUSTER_STATE", "new"),
                Map.entry("ETCD_LISTEN_CLIENT_URLS", "https://192.168.122.31:2383,https://127.0.0.1:2383"),
                Map.entry("ETCD_INITIAL_CLUSTER_TOKEN", "k8s_events_etcd"),
                Map.entry("ETCD_LISTEN_PEER_URLS", "https://192.168.122.31:2382"),
                Map.entry("ETCD_NAME", "etcd1-events"),
                Map.entry("ETCD_INITIAL_CLUSTER", "etcd1-events=https://192.168.122.31:2382,"
                        + "etcd2-events=https://192.168.122.32:2382,etcd3-events=https://192.168.122.33:2382"),
                Map.entry("ETCD_CERT_FILE", "/etc/ssl/etcd/ssl/member-etcd01.pem"),
                Map.entry("ETCD_PEER_KEY_FILE", "/etc/ssl/etcd/ssl/member-etcd01-key.pem"),
                Map.entry("ETCDCTL_ENDPOINTS", "https://127.0.0.1:2383")));
        assertThat(env.get("ETCD_LISTEN_METRICS_URLS")).isEmpty();
        assertThat(text).doesNotContain(":2379").doesNotContain(":2380");
    }

    @Test
    void theMainClusterFileIsUnchangedByTheLayoutPlaceholders() {
        String text = HostFiles.envFile(HostFilesTest.CLUSTER.get(0), HostFilesTest.CLUSTER, HostFilesTest.SETTINGS,
                InitialClusterState.NEW);

        assertThat(text).contains("ETCD_LISTEN_CLIENT_URLS=https://192.168.122.31:2379,https://127.0.0.1:2379\n")
                .contains("ETCDCTL_ENDPOINTS=https://127.0.0.1:2379\n");
        assertThat(HostFiles.unitFile(HostFilesTest.SETTINGS)).contains("EnvironmentFile=/etc/etcd.env\n");
    }

    @Test
    void unitReadsTheEventsEnvFile() {
        assertThat(HostFiles.unitFile(EVENTS)).contains("EnvironmentFile=/etc/etcd-events.env\n")
                .contains("ExecStart=/usr/local/bin/etcd\n");
    }
}
