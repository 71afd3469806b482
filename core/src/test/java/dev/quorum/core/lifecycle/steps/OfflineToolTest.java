package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.ReleaseBinary;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which binary restores a snapshot, by version and by what the fetched release holds. */
class OfflineToolTest {

    private static EtcdSettings settings(String version) {
        return new EtcdSettings(version, URI.create("file:///tmp/etcd.tgz"), Optional.empty(), "/var/lib/etcd",
                "/etc/ssl/etcd/ssl", "/opt/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64");
    }

    private static EtcdRelease release(String version, boolean withEtcdutl) {
        return new EtcdRelease(Path.of("/tmp/etcd.tgz"), "0".repeat(64), version, "a", "b", "d/etcd", "d/etcdctl",
                withEtcdutl ? Optional.of(new ReleaseBinary("etcdutl", "d/etcdutl", "c")) : Optional.empty());
    }

    @Test
    void etcd34RestoresWithEtcdctlAskingForTheV3Api() {
        OfflineTool tool = OfflineTool.forRelease(settings("v3.4.23"), Optional.of(release("v3.4.23", false)));

        assertThat(tool.name()).isEqualTo("etcdctl");
        assertThat(tool.invocation()).isEqualTo("ETCDCTL_API=3 /opt/bin/etcdctl");
    }

    @Test
    void etcd35UsesEtcdutlWhenTheReleaseShipsItAndEtcdctlOtherwise() {
        assertThat(OfflineTool.forRelease(settings("v3.5.33"), Optional.of(release("v3.5.33", true))).name())
                .isEqualTo("etcdutl");
        assertThat(OfflineTool.forRelease(settings("v3.5.33"), Optional.of(release("v3.5.33", false))).name())
                .isEqualTo("etcdctl");
    }

    @Test
    void etcd36AndLaterAlwaysUseEtcdutlWithoutAnApiSwitch() {
        OfflineTool tool = OfflineTool.forRelease(settings("v3.6.14"), Optional.of(release("v3.6.14", false)));

        assertThat(tool.name()).isEqualTo("etcdutl");
        assertThat(tool.invocation()).isEqualTo("/opt/bin/etcdutl");
        assertThat(OfflineTool.forRelease(settings("v3.7.1"), Optional.empty()).versionCommand())
                .isEqualTo("/opt/bin/etcdutl version");
    }

    @Test
    void beforeTheReleaseIsFetchedTheVersionDecides() {
        assertThat(OfflineTool.forRelease(settings("v3.5.16"), Optional.empty()).name()).isEqualTo("etcdutl");
        assertThat(OfflineTool.forRelease(settings("v3.4.23"), Optional.empty()).name()).isEqualTo("etcdctl");
    }
}
