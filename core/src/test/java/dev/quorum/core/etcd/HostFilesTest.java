package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostFilesTest {
    static final EtcdSettings SETTINGS = new EtcdSettings("v3.4.13", URI.create("file:///tmp/etcd.tgz"),
            Optional.empty(), "/var/lib/etcd", "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000,
            List.of(), List.of(), "k8s_etcd", "amd64");

    static EtcdMember member(String host, String address, String name) {
        return new EtcdMember(new InventoryHost(host, address,
                new SshTarget(address, 22, "root", Optional.empty()), Map.of()), name);
    }

    static final List<EtcdMember> CLUSTER = List.of(
            member("etcd01", "192.168.122.31", "etcd1"),
            member("etcd02", "192.168.122.32", "etcd2"),
            member("etcd03", "192.168.122.33", "etcd3"));

    @Test
    void envFileHasKubesprayKeysAndValues() {
        EnvFile env = EnvFile.parse(HostFiles.envFile(CLUSTER.get(0), CLUSTER, SETTINGS, InitialClusterState.EXISTING));

        // The values of the seed's /etc/etcd.env from a Kubespray v2.15 host, line for line.
        assertThat(env.values()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("ETCD_DATA_DIR", "/var/lib/etcd"),
                Map.entry("ETCD_ADVERTISE_CLIENT_URLS", "https://192.168.122.31:2379"),
                Map.entry("ETCD_INITIAL_ADVERTISE_PEER_URLS", "https://192.168.122.31:2380"),
                Map.entry("ETCD_INITIAL_CLUSTER_STATE", "existing"),
                Map.entry("ETCD_METRICS", "basic"),
                Map.entry("ETCD_LISTEN_CLIENT_URLS", "https://192.168.122.31:2379,https://127.0.0.1:2379"),
                Map.entry("ETCD_ELECTION_TIMEOUT", "5000"),
                Map.entry("ETCD_HEARTBEAT_INTERVAL", "250"),
                Map.entry("ETCD_INITIAL_CLUSTER_TOKEN", "k8s_etcd"),
                Map.entry("ETCD_LISTEN_PEER_URLS", "https://192.168.122.31:2380"),
                Map.entry("ETCD_NAME", "etcd1"),
                Map.entry("ETCD_PROXY", "off"),
                Map.entry("ETCD_INITIAL_CLUSTER", "etcd1=https://192.168.122.31:2380,"
                        + "etcd2=https://192.168.122.32:2380,etcd3=https://192.168.122.33:2380"),
                Map.entry("ETCD_AUTO_COMPACTION_RETENTION", "8"),
                Map.entry("ETCD_SNAPSHOT_COUNT", "10000"),
                Map.entry("ETCD_ENABLE_V2", "true"),
                Map.entry("ETCD_TRUSTED_CA_FILE", "/etc/ssl/etcd/ssl/ca.pem"),
                Map.entry("ETCD_CERT_FILE", "/etc/ssl/etcd/ssl/member-etcd01.pem"),
                Map.entry("ETCD_KEY_FILE", "/etc/ssl/etcd/ssl/member-etcd01-key.pem"),
                Map.entry("ETCD_CLIENT_CERT_AUTH", "true"),
                Map.entry("ETCD_PEER_TRUSTED_CA_FILE", "/etc/ssl/etcd/ssl/ca.pem"),
                Map.entry("ETCD_PEER_CERT_FILE", "/etc/ssl/etcd/ssl/member-etcd01.pem"),
                Map.entry("ETCD_PEER_KEY_FILE", "/etc/ssl/etcd/ssl/member-etcd01-key.pem"),
                Map.entry("ETCD_PEER_CLIENT_CERT_AUTH", "True"),
                Map.entry("ETCDCTL_ENDPOINTS", "https://127.0.0.1:2379"),
                Map.entry("ETCDCTL_CACERT", "/etc/ssl/etcd/ssl/ca.pem"),
                Map.entry("ETCDCTL_KEY", "/etc/ssl/etcd/ssl/admin-etcd01-key.pem"),
                Map.entry("ETCDCTL_CERT", "/etc/ssl/etcd/ssl/admin-etcd01.pem")));
        assertThat(env.get("ETCD_PRE_VOTE")).contains("true");
    }

    @Test
    void quotaLineOnlyWhenTheInventorySetsIt() {
        String without = HostFiles.envFile(CLUSTER.get(0), CLUSTER, SETTINGS, InitialClusterState.EXISTING);
        EtcdSettings quota = new EtcdSettings("v3.4.13", URI.create("file:///tmp/etcd.tgz"), Optional.empty(),
                "/var/lib/etcd", "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd",
                "amd64", Optional.of(16_777_216L));
        String with = HostFiles.envFile(CLUSTER.get(0), CLUSTER, quota, InitialClusterState.EXISTING);

        assertThat(EnvFile.parse(without).get("ETCD_QUOTA_BACKEND_BYTES")).isEmpty();
        assertThat(without).contains("ETCD_SNAPSHOT_COUNT=10000\n# Flannel need etcd v2 API\n");
        assertThat(EnvFile.parse(with).get("ETCD_QUOTA_BACKEND_BYTES")).contains("16777216");
        assertThat(with.replace("ETCD_QUOTA_BACKEND_BYTES=16777216\n", "")).isEqualTo(without);
    }

    @Test
    void stateFlipChangesOnlyThatLine() {
        String fresh = HostFiles.envFile(CLUSTER.get(1), CLUSTER, SETTINGS, InitialClusterState.NEW);
        String flipped = EnvFile.withState(fresh, InitialClusterState.EXISTING);

        assertThat(EnvFile.parse(fresh).initialClusterState()).contains(InitialClusterState.NEW);
        assertThat(flipped).isEqualTo(HostFiles.envFile(CLUSTER.get(1), CLUSTER, SETTINGS, InitialClusterState.EXISTING));
    }

    @Test
    void unitIsKubespraysHostUnit() {
        assertThat(HostFiles.unitFile(SETTINGS)).isEqualTo("""
                [Unit]
                Description=etcd
                After=network.target

                [Service]
                Type=notify
                User=root
                EnvironmentFile=/etc/etcd.env
                ExecStart=/usr/local/bin/etcd
                NotifyAccess=all
                Restart=always
                RestartSec=10s
                LimitNOFILE=40000

                [Install]
                WantedBy=multi-user.target
                """);
    }

    @Test
    void ipv6AddressesAreBracketedInUrls() {
        EtcdMember v6 = member("n1", "fd00::1", "etcd1");
        assertThat(v6.peerUrl()).isEqualTo("https://[fd00::1]:2380");
    }

    @Test
    void behindNatEtcdListensOnIpAndAdvertisesAccessIpAsKubesprayDoes() {
        EtcdMember natted = new EtcdMember(new InventoryHost("etcd01", "203.0.113.31",
                new SshTarget("203.0.113.31", 22, "root", Optional.empty()), Map.of(), "192.168.122.31", List.of()),
                "etcd1");
        EnvFile env = EnvFile.parse(HostFiles.envFile(natted, List.of(natted), SETTINGS, InitialClusterState.NEW));

        assertThat(env.get("ETCD_LISTEN_CLIENT_URLS")).contains("https://192.168.122.31:2379,https://127.0.0.1:2379");
        assertThat(env.get("ETCD_LISTEN_PEER_URLS")).contains("https://192.168.122.31:2380");
        assertThat(env.get("ETCD_ADVERTISE_CLIENT_URLS")).contains("https://203.0.113.31:2379");
        assertThat(env.get("ETCD_INITIAL_ADVERTISE_PEER_URLS")).contains("https://203.0.113.31:2380");
        assertThat(env.get("ETCD_INITIAL_CLUSTER")).contains("etcd1=https://203.0.113.31:2380");
    }

    @Test
    void envParserHandlesQuotesAndComments() {
        EnvFile env = EnvFile.parse("# c\n\nA=\"x y\"\nB='z'\n  C = d \nnot a line\n");
        assertThat(env.values()).containsExactly(Map.entry("A", "x y"), Map.entry("B", "z"), Map.entry("C", "d"));
    }
}
