package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which etcd release an inventory gets, with which checksum, and whether it may ask for the v2 API. */
class EtcdReleaseChoiceTest {
    /** Kubespray's checksums.yml, etcd_binary_checksums.amd64 / arm64, 3.5.27. */
    private static final String OFFICIAL_3_5_27_AMD64 = "0aad9a9e4e0817a021e933f9806a2b2960a62f949ad5a3d6436d8886945cb1bc";
    private static final String OFFICIAL_3_5_27_ARM64 = "1277309f540c5a0329c428f95455c9f76d24f768c8d28fd2753e891c379053fa";

    @TempDir
    Path dir;

    private EtcdSettings settings(String allVars) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml",
                TestInventories.threeEtcdHosts(allVars))).etcd();
    }

    @Test
    void withoutEtcdVersionTheDefaultIsAMaintained36() {
        EtcdSettings etcd = settings("cluster_name: cluster.local\n");

        assertThat(etcd.version()).isEqualTo("v3.6.14").isEqualTo(EtcdSettings.DEFAULT_VERSION);
    }

    @Test
    void kubeVersionPicksTheEtcdLineKubesprayPairsWithIt() {
        assertThat(settings("kube_version: v1.35.1\n").version()).isEqualTo("v3.6.14");
        assertThat(settings("kube_version: 1.36.0\n").version()).isEqualTo("v3.6.14");
        assertThat(settings("kube_version: v1.34.3\n").version()).isEqualTo("v3.5.27");
    }

    @Test
    void anExplicitEtcdVersionWinsOverKubeVersion() {
        assertThat(settings("kube_version: v1.35.1\netcd_version: v3.5.26\n").version()).isEqualTo("v3.5.26");
    }

    @Test
    void aKubeVersionThatIsNoVersionIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> settings("kube_version: latest\n"))
                .hasMessageContaining("kube_version").hasMessageContaining("is \"latest\"")
                .hasMessageContaining("or set etcd_version");
    }

    @Test
    void aKnownOfficialReleaseOverHttpsGetsItsPublishedChecksum() {
        assertThat(settings("etcd_version: v3.5.27\n").binaryChecksum()).contains(OFFICIAL_3_5_27_AMD64);
        assertThat(settings("etcd_version: v3.5.27\nimage_arch: arm64\n").binaryChecksum())
                .contains(OFFICIAL_3_5_27_ARM64);
    }

    @Test
    void aKnownReleaseOverPlainHttpIsAcceptedBecauseItsChecksumIsKnown() {
        EtcdSettings etcd = settings("etcd_version: v3.5.27\n"
                + "etcd_download_url: http://mirror.local/etcd-v3.5.27-linux-amd64.tar.gz\n");

        assertThat(etcd.binaryChecksum()).contains(OFFICIAL_3_5_27_AMD64);
    }

    @Test
    void anUnknownReleaseOverPlainHttpWithoutChecksumIsStillRefused() {
        assertThatThrownBy(() -> settings("etcd_version: v3.5.33\n"
                + "etcd_download_url: http://mirror.local/etcd-v3.5.33-linux-amd64.tar.gz\n"))
                .hasMessageContaining("a plain http:// URL, and no etcd_binary_checksum is set");
    }

    @Test
    void aLocalTarballGetsNoPublishedChecksumBecauseALocalBuildDiffers() {
        EtcdSettings etcd = settings("etcd_version: v3.5.27\netcd_download_url: /srv/etcd-v3.5.27-linux-amd64.tar.gz\n");

        assertThat(etcd.binaryChecksum()).isEmpty();
    }

    @Test
    void theInventorysOwnChecksumWinsOverThePublishedOne() {
        EtcdSettings etcd = settings("etcd_version: v3.5.27\netcd_binary_checksum: " + "d".repeat(64) + "\n");

        assertThat(etcd.binaryChecksum()).contains("d".repeat(64));
    }

    @Test
    void etcdEnableV2IsReadFor35AndRefusedFrom36() {
        assertThat(settings("etcd_version: v3.5.27\netcd_enable_v2: true\n").enableV2()).contains(true);
        assertThat(settings("etcd_version: v3.5.27\n").enableV2()).isEmpty();
        assertThat(settings("etcd_version: v3.6.14\netcd_enable_v2: false\n").enableV2()).contains(false);
        assertThatThrownBy(() -> settings("etcd_version: v3.6.14\netcd_enable_v2: true\n"))
                .hasMessageContaining("etcd_enable_v2").hasMessageContaining("has no v2 API (3.6 removed")
                .hasMessageContaining("Remove etcd_enable_v2");
        assertThatThrownBy(() -> settings("etcd_version: v3.7.1\netcd_enable_v2: yes\n"))
                .hasMessageContaining("etcd v3.7.1 has no v2 API");
    }

    @Test
    void etcdEnableV2MustBeABoolean() {
        assertThatThrownBy(() -> settings("etcd_version: v3.5.27\netcd_enable_v2: sometimes\n"))
                .hasMessageContaining("etcd_enable_v2").hasMessageContaining("not true or false");
    }
}
