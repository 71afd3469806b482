package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubespray's etcd tuning variables: read with Kubespray's defaults, every value checked when read. */
class EtcdTuningTest {
    @TempDir
    Path dir;

    private Inventory read(String allVars) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml",
                TestInventories.threeEtcdHosts(allVars)));
    }

    private EtcdTuning tuning(String allVars) {
        return read(allVars).etcd().tuning();
    }

    /** The variable set in group_vars/etcd.yml, so the error has to say where. */
    private String refusal(String groupVars) {
        TestInventories.write(dir, "group_vars/etcd.yml", groupVars);
        try {
            read("");
        } catch (InventoryException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + groupVars);
    }

    @Test
    void withoutTheVariablesTheDefaultsAreKubesprays() {
        EtcdTuning tuning = tuning("");

        assertThat(tuning).isEqualTo(EtcdTuning.DEFAULTS);
        assertThat(tuning.metrics()).isEqualTo("basic");
        assertThat(tuning.compactionRetention()).isEqualTo("8");
        assertThat(tuning.snapshotCount()).isEqualTo(10_000);
        assertThat(tuning.initialCorruptCheck()).isTrue();
        assertThat(tuning.certificateDays()).isEqualTo(36_500);
        assertThat(tuning.extraVars()).isEmpty();
    }

    @Test
    void readsEveryVariableAsKubesprayWritesIt() {
        EtcdTuning tuning = tuning("""
                etcd_metrics: extensive
                etcd_listen_metrics_urls: "http://127.0.0.1:2381,https://[fd00::1]:2382"
                etcd_log_level: warn
                etcd_snapshot_count: "100000"
                etcd_compaction_retention: 30m
                etcd_max_request_bytes: "1572864"
                etcd_max_snapshots: 0
                etcd_max_wals: 7
                etcd_tls_cipher_suites:
                  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                  - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
                etcd_experimental_initial_corrupt_check: false
                etcd_experimental_watch_progress_notify_interval: 5s
                etcd_experimental_enable_distributed_tracing: true
                etcd_extra_vars:
                  ETCD_EXPERIMENTAL_MAX_LEARNERS: 2
                  GODEBUG: "tlsrsakex=1"
                  ETCD_STRICT_RECONFIG_CHECK: true
                certificates_duration: 3650
                """);

        assertThat(tuning.metrics()).isEqualTo("extensive");
        assertThat(tuning.listenMetricsUrls()).containsExactly(URI.create("http://127.0.0.1:2381"),
                URI.create("https://[fd00::1]:2382"));
        assertThat(tuning.logLevel()).contains("warn");
        assertThat(tuning.snapshotCount()).isEqualTo(100_000);
        assertThat(tuning.compactionRetention()).isEqualTo("30m");
        assertThat(tuning.maxRequestBytes()).isEqualTo(OptionalLong.of(1_572_864));
        assertThat(tuning.maxSnapshots()).isEqualTo(OptionalInt.of(0));
        assertThat(tuning.maxWals()).isEqualTo(OptionalInt.of(7));
        assertThat(tuning.cipherSuites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(tuning.initialCorruptCheck()).isFalse();
        assertThat(tuning.watchProgressNotifyInterval()).contains("5s");
        assertThat(tuning.tracing()).contains(new EtcdTuning.Tracing("localhost:4317", 100, "etcd"));
        assertThat(tuning.extraVars()).containsExactly(Map.entry("ETCD_EXPERIMENTAL_MAX_LEARNERS", "2"),
                Map.entry("GODEBUG", "tlsrsakex=1"), Map.entry("ETCD_STRICT_RECONFIG_CHECK", "true"));
        assertThat(tuning.certificateDays()).isEqualTo(3650);
    }

    @Test
    void cipherSuitesMayBeOneCommaSeparatedTextAndMetricsUrlsAList() {
        EtcdTuning tuning = tuning("""
                etcd_tls_cipher_suites: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
                etcd_listen_metrics_urls: [http://10.0.0.1:2381, http://127.0.0.1:2381]
                """);

        assertThat(tuning.cipherSuites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        assertThat(tuning.listenMetricsUrls()).hasSize(2);
    }

    @Test
    void metricsPortIsKubespraysOtherWayToListOnTheMembersAddressAndLoopback() {
        assertThat(tuning("etcd_metrics_port: 2381").metricsPort()).isEqualTo(OptionalInt.of(2381));
        assertThat(refusal("etcd_metrics_port: 2379\n")).contains("etcd_metrics_port (set in group_vars/etcd) is 2379")
                .contains("other than etcd's 2379 and 2380");
    }

    @Test
    void eachRefusalNamesTheVariableWhereItWasSetAndWhatIsAccepted() {
        assertThat(refusal("etcd_metrics: full\n")).isEqualTo("inventory hosts.yaml: etcd_metrics (set in "
                + "group_vars/etcd) is \"full\". Use one of basic, extensive (Kubespray's default: basic).");
        assertThat(refusal("etcd_log_level: verbose\n")).contains("etcd_log_level (set in group_vars/etcd) is "
                + "\"verbose\"").contains("debug, error, fatal, info, panic, warn");
        assertThat(refusal("etcd_snapshot_count: 0\n")).contains("etcd_snapshot_count (set in group_vars/etcd) is 0")
                .contains("at least 1");
        assertThat(refusal("etcd_snapshot_count: lots\n")).contains("etcd_snapshot_count").contains("not a whole number");
        assertThat(refusal("etcd_compaction_retention: 8 hours\n")).contains("etcd_compaction_retention")
                .contains("neither a number of hours nor a duration");
        assertThat(refusal("etcd_max_request_bytes: 1.5MiB\n")).contains("etcd_max_request_bytes")
                .contains("not a positive number of bytes");
        assertThat(refusal("etcd_max_wals: -1\n")).contains("etcd_max_wals (set in group_vars/etcd) is -1");
        assertThat(refusal("etcd_experimental_watch_progress_notify_interval: 5 seconds\n"))
                .contains("etcd_experimental_watch_progress_notify_interval").contains("not a positive duration");
        assertThat(refusal("etcd_experimental_watch_progress_notify_interval: 0s\n"))
                .contains("not a positive duration");
        assertThat(refusal("certificates_duration: 0\n")).contains("certificates_duration (set in group_vars/etcd) is 0");
        assertThat(refusal("etcd_experimental_initial_corrupt_check: maybe\n"))
                .contains("etcd_experimental_initial_corrupt_check").contains("not true or false");
    }

    @Test
    void cipherSuitesAreGoNamesEtcdKnows() {
        assertThat(refusal("etcd_tls_cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256]\n"))
                .contains("etcd_tls_cipher_suites (set in group_vars/etcd) lists \"ECDHE-RSA-AES128-GCM-SHA256\", which "
                        + "is not a cipher suite etcd knows").contains("Use Go's names");
        assertThat(refusal("etcd_tls_cipher_suites: [TLS_AES_128_GCM_SHA256]\n")).contains("a TLS 1.3 suite");
        assertThat(refusal("etcd_tls_cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]\n"))
                .contains("has no TLS_ECDHE_ECDSA_* suite");
        assertThat(refusal("etcd_tls_cipher_suites: \"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,"
                + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\"\n")).contains("twice");
    }

    @Test
    void metricsUrlsAreHttpUrlsWithAnAddressAndAPortOnly() {
        assertThat(refusal("etcd_listen_metrics_urls: \"unix:///run/etcd.sock\"\n"))
                .contains("etcd_listen_metrics_urls (set in group_vars/etcd) contains \"unix:///run/etcd.sock\", which is "
                        + "not an http:// or https:// URL");
        assertThat(refusal("etcd_listen_metrics_urls: \"http://127.0.0.1\"\n")).contains("does not name an address and a port");
        assertThat(refusal("etcd_listen_metrics_urls: \"http://127.0.0.1:2381/metrics\"\n")).contains("etcd refuses a path");
        assertThat(refusal("etcd_listen_metrics_urls: \"http://127.0.0.1:2381,\"\n")).contains("an empty entry");
        assertThat(refusal("etcd_listen_metrics_urls: \"http://127.0.0.1:2381;reboot\"\n"))
                .contains("cannot go into /etc/etcd.env as written");
        assertThat(refusal("etcd_listen_metrics_urls: \"http://127.0.0.1:2379\"\n")).contains("client or peer port");
    }

    @Test
    void extraVarsAreEnvNamesWithPlainValuesAndNeverQuorumsOwnLines() {
        assertThat(refusal("etcd_extra_vars: {\"ETCD-FOO\": 1}\n")).contains("etcd_extra_vars (set in group_vars/etcd) "
                + "has the key \"ETCD-FOO\", which is not an environment variable name");
        assertThat(refusal("etcd_extra_vars: {ETCD_FOO: \"a b\"}\n")).contains("gives ETCD_FOO the value \"a b\", "
                + "which contains a space");
        assertThat(refusal("etcd_extra_vars: {ETCD_FOO: \"$(reboot)\"}\n")).contains("contains the character $");
        assertThat(refusal("etcd_extra_vars: {ETCD_FOO: \"x\\ny\"}\n")).contains("contains a line break");
        assertThat(refusal("etcd_extra_vars: {ETCD_FOO: [1, 2]}\n")).contains("gives ETCD_FOO a list");
        assertThat(refusal("etcd_extra_vars: {ETCD_FOO: }\n")).contains("gives ETCD_FOO no value");
        assertThat(refusal("etcd_extra_vars: {ETCD_SNAPSHOT_COUNT: 5}\n"))
                .contains("sets ETCD_SNAPSHOT_COUNT, which Quorum writes itself").contains("set etcd_snapshot_count instead");
        assertThat(refusal("etcd_extra_vars: {ETCD_INITIAL_CLUSTER_STATE: new}\n"))
                .contains("Quorum's life-cycles depend on that line");
        assertThat(refusal("etcd_extra_vars: [ETCD_FOO=1]\n")).contains("is a list, but Kubespray reads it as a mapping");
    }

    @Test
    void tracingHasKubespraysDefaultsAndNeedsEtcd35() {
        assertThat(tuning("""
                etcd_experimental_enable_distributed_tracing: true
                etcd_experimental_distributed_tracing_address: "[fd00::7]:4317"
                etcd_experimental_distributed_tracing_sample_rate: 1000
                etcd_experimental_distributed_tracing_service_name: etcd-prod
                """).tracing()).contains(new EtcdTuning.Tracing("[fd00::7]:4317", 1000, "etcd-prod"));
        assertThat(tuning("etcd_experimental_distributed_tracing_address: collector:4317").tracing()).isEmpty();
        assertThat(refusal("etcd_experimental_enable_distributed_tracing: true\n"
                + "etcd_experimental_distributed_tracing_address: \"collector\"\n"))
                .contains("etcd_experimental_distributed_tracing_address").contains("not host:port");
        assertThat(refusal("etcd_version: v3.4.23\netcd_experimental_enable_distributed_tracing: true\n"))
                .contains("has no distributed tracing (3.5 added it)");
    }

    @Test
    void etcdVariablesQuorumDoesNotUseAreListedByNameWithTheirValues() {
        Inventory inventory = read("""
                etcd_deployment_type: host
                etcd_memory_limit: 512M
                etcd_snapshot_count: 20000
                etcd_node_cert_hosts: [node1, node2]
                kube_network_plugin: calico
                """);

        assertThat(inventory.ignoredEtcdVariables()).containsExactly(
                new IgnoredVariable("etcd_deployment_type", "host"),
                new IgnoredVariable("etcd_memory_limit", "512M"),
                new IgnoredVariable("etcd_node_cert_hosts", List.of("node1", "node2")));
        assertThat(read("").ignoredEtcdVariables()).isEmpty();
    }
}
