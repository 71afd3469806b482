package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.EtcdTuning;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The restore's runtime drop-in (decision 0042) for each etcd line: read after the env file, as systemd reads a
 * later EnvironmentFile=, it turns only the initial corruption check off; the env file itself keeps it on.
 */
class InitialCheckDropInTest {

    private static EtcdSettings settings(String version) {
        return new EtcdSettings(version, URI.create("file:///tmp/etcd.tgz"), Optional.empty(), "/var/lib/etcd",
                "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64");
    }

    private static String envFile(EtcdSettings settings) {
        return HostFiles.envFile(HostFilesTest.CLUSTER.get(0), HostFilesTest.CLUSTER, settings,
                InitialClusterState.EXISTING);
    }

    /** What etcd sees: the env file's values, then the drop-in's over them (systemd: later EnvironmentFile wins). */
    private static Map<String, String> started(EtcdSettings settings, InitialCheckDropIn dropIn) {
        Map<String, String> env = new HashMap<>(EnvFile.parse(envFile(settings)).values());
        env.putAll(EnvFile.parse(dropIn.env()).values());
        return env;
    }

    @Test
    void etcd34And35TurnOffTheExperimentalFlagOnlyAndKeepTheCompactHashCheck() {
        for (String version : List.of("v3.4.23", "v3.5.33")) {
            EtcdSettings settings = settings(version);
            InitialCheckDropIn dropIn = InitialCheckDropIn.of(settings).orElseThrow();

            assertThat(dropIn.envLines()).as(version).isEqualTo("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=false\n");
            assertThat(started(settings, dropIn)).as(version)
                    .containsEntry("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK", "false");
            assertThat(EnvFile.parse(envFile(settings)).get("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK")).as(version)
                    .contains("true");
        }
        assertThat(started(settings("v3.5.33"), InitialCheckDropIn.of(settings("v3.5.33")).orElseThrow()))
                .containsEntry("ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED", "true");
    }

    @Test
    void etcd36And37RepeatTheFeatureGatesWithOnlyTheInitialCheckOff() {
        for (String version : List.of("v3.6.14", "v3.7.1")) {
            EtcdSettings settings = settings(version);
            InitialCheckDropIn dropIn = InitialCheckDropIn.of(settings).orElseThrow();

            assertThat(dropIn.envLines()).as(version)
                    .isEqualTo("ETCD_FEATURE_GATES=InitialCorruptCheck=false,CompactHashCheck=true\n");
            assertThat(dropIn.env()).as(version).doesNotContain("EXPERIMENTAL");
            assertThat(started(settings, dropIn)).as(version)
                    .containsEntry("ETCD_FEATURE_GATES", "InitialCorruptCheck=false,CompactHashCheck=true");
            assertThat(EnvFile.parse(envFile(settings)).get("ETCD_FEATURE_GATES")).as(version)
                    .contains("InitialCorruptCheck=true,CompactHashCheck=true");
        }
    }

    @Test
    void anInventoryThatTurnsTheInitialCheckOffNeedsNoDropIn() {
        EtcdTuning off = new EtcdTuning("basic", List.of(), OptionalInt.empty(), Optional.empty(), 10_000, "8",
                OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of(), false, Optional.empty(),
                Optional.empty(), Map.of(), 36_500);

        for (String version : List.of("v3.4.23", "v3.5.33", "v3.6.14", "v3.7.1")) {
            assertThat(InitialCheckDropIn.of(settings(version).withTuning(off))).as(version).isEmpty();
        }
    }

    @Test
    void theMainClustersDropInExtendsEtcdServiceAtRuntimeAndNamesItsEnvFileOptionally() {
        InitialCheckDropIn dropIn = InitialCheckDropIn.of(settings("v3.6.14")).orElseThrow();

        assertThat(dropIn.confPath()).isEqualTo("/run/systemd/system/etcd.service.d/quorum-restore.conf");
        assertThat(dropIn.envPath()).isEqualTo("/run/systemd/system/etcd.service.d/quorum-restore.env");
        assertThat(dropIn.conf()).contains("[Service]\nEnvironmentFile=-" + dropIn.envPath() + "\n")
                .doesNotContain("Environment=ETCD");
    }

    @Test
    void theEventsClustersDropInFollowsItsLayout() {
        InitialCheckDropIn dropIn = InitialCheckDropIn.of(settings("v3.5.33").forEvents("/var/lib/etcd-events"))
                .orElseThrow();

        assertThat(dropIn.layout()).isEqualTo(ClusterLayout.EVENTS);
        assertThat(InitialCheckDropIn.directory(ClusterLayout.EVENTS))
                .isEqualTo("/run/systemd/system/etcd-events.service.d");
        assertThat(dropIn.confPath()).startsWith("/run/systemd/system/etcd-events.service.d/");
        assertThat(dropIn.conf()).contains("EnvironmentFile=-/run/systemd/system/etcd-events.service.d/");
        assertThat(dropIn.env()).contains("/etc/etcd-events.env");
    }
}
