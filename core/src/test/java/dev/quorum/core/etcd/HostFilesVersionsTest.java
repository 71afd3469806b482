package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What /etc/etcd.env says for each etcd line: the flags each one has (checked against its etcd --help). */
class HostFilesVersionsTest {

    private static EtcdSettings settings(String version, Optional<Boolean> enableV2) {
        return new EtcdSettings(version, URI.create("file:///tmp/etcd.tgz"), Optional.empty(), "/var/lib/etcd",
                "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64",
                Optional.empty(), enableV2);
    }

    private static String text(String version, Optional<Boolean> enableV2) {
        return HostFiles.envFile(HostFilesTest.CLUSTER.get(0), HostFilesTest.CLUSTER, settings(version, enableV2),
                InitialClusterState.NEW);
    }

    private static EnvFile env(String version, Optional<Boolean> enableV2) {
        return EnvFile.parse(text(version, enableV2));
    }

    @Test
    void etcd34KeepsTheV2ApiAndTheProxyLineAndChecksForCorruptionAtStart() {
        EnvFile env = env("v3.4.23", Optional.empty());

        assertThat(env.get("ETCD_ENABLE_V2")).contains("true");
        assertThat(env.get("ETCD_PROXY")).contains("off");
        assertThat(env.get("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK")).contains("true");
        assertThat(env.get("ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED")).isEmpty();
        assertThat(env.get("ETCD_FEATURE_GATES")).isEmpty();
    }

    @Test
    void etcd35HasNoV2ApiUnlessAskedAndBothCorruptionChecksAsExperimentalFlags() {
        EnvFile env = env("v3.5.33", Optional.empty());

        assertThat(env.get("ETCD_ENABLE_V2")).isEmpty();
        assertThat(env.get("ETCD_PROXY")).isEmpty();
        assertThat(env.get("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK")).contains("true");
        assertThat(env.get("ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED")).contains("true");
        assertThat(env.get("ETCD_FEATURE_GATES")).isEmpty();
    }

    @Test
    void etcd35WithEtcdEnableV2GetsTheV2ApiAndTheProxyLine() {
        EnvFile env = env("v3.5.16", Optional.of(true));

        assertThat(env.get("ETCD_ENABLE_V2")).contains("true");
        assertThat(env.get("ETCD_PROXY")).contains("off");
    }

    @Test
    void etcd34WithEtcdEnableV2FalseDropsTheV2Api() {
        assertThat(env("v3.4.23", Optional.of(false)).get("ETCD_ENABLE_V2")).isEmpty();
    }

    @Test
    void etcd36And37UseFeatureGatesAndNothingRemovedOrExperimental() {
        for (String version : List.of("v3.6.14", "v3.7.1")) {
            String text = text(version, Optional.empty());
            EnvFile env = EnvFile.parse(text);

            assertThat(env.get("ETCD_FEATURE_GATES")).as(version).contains("InitialCorruptCheck=true,CompactHashCheck=true");
            assertThat(text).as(version).doesNotContain("ETCD_ENABLE_V2").doesNotContain("ETCD_PROXY")
                    .doesNotContain("EXPERIMENTAL");
        }
    }

    @Test
    void everyVersionWritesTheSameClusterLines() {
        for (String version : List.of("v3.4.23", "v3.5.33", "v3.6.14", "v3.7.1")) {
            EnvFile env = env(version, Optional.empty());

            assertThat(env.get("ETCD_NAME")).as(version).contains("etcd1");
            assertThat(env.get("ETCD_INITIAL_CLUSTER_STATE")).as(version).contains("new");
            assertThat(env.get("ETCD_PRE_VOTE")).as(version).contains("true");
            assertThat(env.get("ETCDCTL_CERT")).as(version).contains("/etc/ssl/etcd/ssl/admin-etcd01.pem");
        }
    }
}
