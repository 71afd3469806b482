package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.EtcdTuning;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Kubespray's etcd tuning variables in /etc/etcd.env, with each etcd line's flag names (from its etcd --help). */
class HostFilesTuningTest {
    private static final EtcdTuning TUNED = new EtcdTuning("extensive", List.of(URI.create("http://127.0.0.1:2381")),
            OptionalInt.empty(), Optional.of("warn"), 25_000, "1h", OptionalLong.of(3_145_728), OptionalInt.of(3),
            OptionalInt.of(4), List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            true, Optional.of("5s"), Optional.of(new EtcdTuning.Tracing("localhost:4317", 100, "etcd")),
            orderedExtras(), 3650);

    private static Map<String, String> orderedExtras() {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("ETCD_EXPERIMENTAL_MAX_LEARNERS", "2");
        extras.put("GODEBUG", "tlsrsakex=1");
        return extras;
    }

    private static EtcdSettings settings(String version, EtcdTuning tuning) {
        return new EtcdSettings(version, URI.create("file:///tmp/etcd.tgz"), Optional.empty(), "/var/lib/etcd",
                "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64",
                Optional.empty(), Optional.empty(), tuning);
    }

    private static String text(String version, EtcdTuning tuning) {
        return HostFiles.envFile(HostFilesTest.CLUSTER.get(0), HostFilesTest.CLUSTER, settings(version, tuning),
                InitialClusterState.NEW);
    }

    @Test
    void withKubespraysDefaultsTheFileIsByteForByteWhatItWasSoNoMemberRestarts() throws IOException {
        try (InputStream before = getClass().getResourceAsStream("/etcd-env/v3.6-defaults-before-tuning.env")) {
            assertThat(text("v3.6.14", EtcdTuning.DEFAULTS))
                    .isEqualTo(new String(before.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyVersionWritesTheTuningLinesKubesprayWrites() {
        for (String version : List.of("v3.5.33", "v3.6.14", "v3.7.1")) {
            EnvFile env = EnvFile.parse(text(version, TUNED));

            assertThat(env.values()).as(version).containsAllEntriesOf(Map.ofEntries(
                    Map.entry("ETCD_METRICS", "extensive"),
                    Map.entry("ETCD_LISTEN_METRICS_URLS", "http://127.0.0.1:2381"),
                    Map.entry("ETCD_LOG_LEVEL", "warn"),
                    Map.entry("ETCD_SNAPSHOT_COUNT", "25000"),
                    Map.entry("ETCD_AUTO_COMPACTION_RETENTION", "1h"),
                    Map.entry("ETCD_MAX_REQUEST_BYTES", "3145728"),
                    Map.entry("ETCD_MAX_SNAPSHOTS", "3"),
                    Map.entry("ETCD_MAX_WALS", "4"),
                    Map.entry("ETCD_CIPHER_SUITES",
                            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                    Map.entry("ETCD_EXPERIMENTAL_MAX_LEARNERS", "2"),
                    Map.entry("GODEBUG", "tlsrsakex=1")));
        }
    }

    @Test
    void etcd35UsesTheExperimentalNamesOfWatchProgressAndTracing() {
        EnvFile env = EnvFile.parse(text("v3.5.33", TUNED));

        assertThat(env.values()).containsAllEntriesOf(Map.of(
                "ETCD_EXPERIMENTAL_WATCH_PROGRESS_NOTIFY_INTERVAL", "5s",
                "ETCD_EXPERIMENTAL_ENABLE_DISTRIBUTED_TRACING", "true",
                "ETCD_EXPERIMENTAL_DISTRIBUTED_TRACING_ADDRESS", "localhost:4317",
                "ETCD_EXPERIMENTAL_DISTRIBUTED_TRACING_SAMPLING_RATE", "100",
                "ETCD_EXPERIMENTAL_DISTRIBUTED_TRACING_SERVICE_NAME", "etcd"));
        assertThat(env.get("ETCD_WATCH_PROGRESS_NOTIFY_INTERVAL")).isEmpty();
    }

    @Test
    void etcd36And37UseTheRenamedFlagsAndNoExperimentalOne() {
        for (String version : List.of("v3.6.14", "v3.7.1")) {
            String text = text(version, TUNED);
            EnvFile env = EnvFile.parse(text);

            assertThat(env.values()).as(version).containsAllEntriesOf(Map.of(
                    "ETCD_WATCH_PROGRESS_NOTIFY_INTERVAL", "5s",
                    "ETCD_ENABLE_DISTRIBUTED_TRACING", "true",
                    "ETCD_DISTRIBUTED_TRACING_ADDRESS", "localhost:4317",
                    "ETCD_DISTRIBUTED_TRACING_SAMPLING_RATE", "100",
                    "ETCD_DISTRIBUTED_TRACING_SERVICE_NAME", "etcd"));
            // etcd_extra_vars is the user's own: only Quorum's lines must avoid the names 3.7 removed
            assertThat(text.replace("ETCD_EXPERIMENTAL_MAX_LEARNERS=2", "")).as(version).doesNotContain("EXPERIMENTAL");
        }
    }

    @Test
    void etcd34HasNoTracingSoTheFileIsRefusedRatherThanWrittenWrong() {
        assertThatThrownBy(() -> text("v3.4.23", TUNED)).hasMessageContaining("has no distributed tracing");
    }

    @Test
    void initialCorruptCheckFalseDropsOnlyTheStartUpCheck() {
        EtcdTuning off = new EtcdTuning("basic", List.of(), OptionalInt.empty(), Optional.empty(), 10_000, "8",
                OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of(), false, Optional.empty(),
                Optional.empty(), Map.of(), 36_500);

        assertThat(EnvFile.parse(text("v3.6.14", off)).get("ETCD_FEATURE_GATES")).contains("CompactHashCheck=true");
        EnvFile env35 = EnvFile.parse(text("v3.5.33", off));
        assertThat(env35.get("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK")).isEmpty();
        assertThat(env35.get("ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED")).contains("true");
    }

    @Test
    void metricsPortListensOnTheMembersAddressAndLoopbackOverHttp() {
        EtcdTuning port = new EtcdTuning("basic", List.of(), OptionalInt.of(2381), Optional.empty(), 10_000, "8",
                OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of(), true, Optional.empty(),
                Optional.empty(), Map.of(), 36_500);

        assertThat(EnvFile.parse(text("v3.6.14", port)).get("ETCD_LISTEN_METRICS_URLS"))
                .contains("http://192.168.122.31:2381,http://127.0.0.1:2381");
    }
}
