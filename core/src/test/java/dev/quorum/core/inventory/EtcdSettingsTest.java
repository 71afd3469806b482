package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdSettingsTest {
    private static final String SHA_AMD64 = "a".repeat(64);
    private static final String SHA_ARM64 = "b".repeat(64);

    @TempDir
    Path dir;

    private Inventory read(String allVars) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts(allVars)));
    }

    private EtcdSettings settings(String allVars) {
        return read(allVars).etcd();
    }

    @Test
    void readsEveryHonouredVariable() {
        EtcdSettings etcd = settings("""
                etcd_version: v3.5.16
                etcd_data_dir: /srv/etcd/
                etcd_cert_dir: /etc/etcd/pki
                bin_dir: /opt/bin
                etcd_heartbeat_interval: 100
                etcd_election_timeout: 1000
                etcd_cert_alt_names: [etcd.example.com, etcd]
                etcd_cert_alt_ips: [10.9.0.1, "fd00::9"]
                etcd_initial_cluster_token: prod_etcd
                etcd_binary_checksum: "SHA256:%s"
                """.formatted("C".repeat(64)));
        assertThat(etcd.version()).isEqualTo("v3.5.16");
        assertThat(etcd.downloadUrl()).isEqualTo(EtcdSettings.officialDownloadUrl("v3.5.16", "amd64"));
        assertThat(etcd.dataDir()).isEqualTo("/srv/etcd");
        assertThat(etcd.certDir()).isEqualTo("/etc/etcd/pki");
        assertThat(etcd.binDir()).isEqualTo("/opt/bin");
        assertThat(etcd.heartbeatMillis()).isEqualTo(100);
        assertThat(etcd.electionMillis()).isEqualTo(1000);
        assertThat(etcd.certAltNames()).containsExactly("etcd.example.com", "etcd");
        assertThat(etcd.certAltIps()).containsExactly("10.9.0.1", "fd00::9");
        assertThat(etcd.clusterToken()).isEqualTo("prod_etcd");
        assertThat(etcd.binaryChecksum()).contains("c".repeat(64));
    }

    @Test
    void quotaIsKubespraysTextOrANumberAndOtherwiseEtcdsDefault() {
        assertThat(settings("etcd_quota_backend_bytes: \"8589934592\"").quotaBackendBytes()).contains(8_589_934_592L);
        assertThat(settings("etcd_quota_backend_bytes: 16777216").effectiveQuotaBytes()).isEqualTo(16_777_216L);
        assertThat(settings("etcd_version: v3.4.23").quotaBackendBytes()).isEmpty();
        assertThat(settings("etcd_version: v3.4.23").effectiveQuotaBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThatThrownBy(() -> settings("etcd_quota_backend_bytes: 2GB"))
                .hasMessageContaining("etcd_quota_backend_bytes").hasMessageContaining("not a positive number of bytes");
    }

    @Test
    void versionWithoutVGetsIt() {
        assertThat(settings("etcd_version: 3.5.16").version()).isEqualTo("v3.5.16");
    }

    @Test
    void etcdConfigDirFlowsIntoTheCertDirAsInKubespray() {
        assertThat(settings("etcd_config_dir: /etc/etcd").certDir()).isEqualTo("/etc/etcd/ssl");
    }

    @Test
    void dnsDomainFlowsIntoTheDefaultAltNames() {
        assertThat(settings("dns_domain: corp.example").certAltNames()).startsWith("etcd.kube-system.svc.corp.example");
    }

    @Test
    void imageArchResolvesInsideKubesprayDownloadUrlTemplate() {
        EtcdSettings etcd = settings("""
                etcd_version: v3.5.16
                image_arch: arm64
                etcd_download_url: "https://github.com/etcd-io/etcd/releases/download/{{ etcd_version }}/etcd-{{ etcd_version }}-linux-{{ image_arch }}.tar.gz"
                """);
        assertThat(etcd.architecture()).isEqualTo("arm64");
        assertThat(etcd.downloadUrl()).isEqualTo(URI.create(
                "https://github.com/etcd-io/etcd/releases/download/v3.5.16/etcd-v3.5.16-linux-arm64.tar.gz"));
    }

    @Test
    void defaultDownloadUrlFollowsImageArch() {
        assertThat(settings("image_arch: arm64").downloadUrl())
                .isEqualTo(EtcdSettings.officialDownloadUrl(EtcdSettings.DEFAULT_VERSION, "arm64"));
    }

    @Test
    void offlineMirrorUrlResolves() {
        EtcdSettings etcd = settings("""
                files_repo: "http://mirror.local/files"
                etcd_download_url: "{{ files_repo }}/github.com/etcd-io/etcd/releases/download/{{ etcd_version }}/etcd-{{ etcd_version }}-linux-{{ image_arch }}.tar.gz"
                etcd_binary_checksum: %s
                """.formatted(SHA_AMD64));
        assertThat(etcd.downloadUrl()).isEqualTo(URI.create(
                "http://mirror.local/files/github.com/etcd-io/etcd/releases/download/v3.6.14/etcd-v3.6.14-linux-amd64.tar.gz"));
    }

    @Test
    void githubMirrorMovesTheDefaultUrl() {
        assertThat(settings("github_url: https://ghproxy.corp.example/").downloadUrl()).isEqualTo(URI.create(
                "https://ghproxy.corp.example/etcd-io/etcd/releases/download/v3.6.14/etcd-v3.6.14-linux-amd64.tar.gz"));
    }

    @Test
    void aLocalPathBecomesAFileUri() {
        assertThat(settings("etcd_download_url: /opt/mirror/etcd.tar.gz").downloadUrl())
                .isEqualTo(Path.of("/opt/mirror/etcd.tar.gz").toUri());
        assertThat(settings("etcd_download_url: downloads/etcd.tar.gz").downloadUrl())
                .isEqualTo(dir.resolve("downloads/etcd.tar.gz").toUri());
        assertThat(settings("etcd_download_url: file:///opt/etcd.tar.gz").downloadUrl())
                .isEqualTo(URI.create("file:///opt/etcd.tar.gz"));
    }

    @Test
    void checksumIsPickedFromKubesprayMapByArchitectureAndVersion() {
        String map = """
                etcd_version: v3.5.16
                etcd_binary_checksums:
                  amd64:
                    v3.5.15: %s
                    v3.5.16: %s
                  arm64:
                    v3.5.16: %s
                """.formatted("f".repeat(64), SHA_AMD64, SHA_ARM64);
        assertThat(settings(map).binaryChecksum()).contains(SHA_AMD64);
        assertThat(settings(map + "image_arch: arm64\n").binaryChecksum()).contains(SHA_ARM64);
    }

    @Test
    void checksumMapKeysWithoutVMatchToo() {
        assertThat(settings("""
                etcd_version: v3.5.16
                etcd_binary_checksums: {amd64: {3.5.16: %s}}
                """.formatted(SHA_AMD64)).binaryChecksum()).contains(SHA_AMD64);
    }

    @Test
    void kubesprayChecksumLookupExpressionIsUnderstood() {
        assertThat(settings("""
                etcd_version: v3.5.16
                etcd_binary_checksum: "{{ etcd_binary_checksums[image_arch][etcd_version] }}"
                etcd_binary_checksums: {amd64: {v3.5.16: %s}}
                """.formatted(SHA_AMD64)).binaryChecksum()).contains(SHA_AMD64);
    }

    @Test
    void singleChecksumWinsOverTheMap() {
        assertThat(settings("""
                etcd_binary_checksum: %s
                etcd_binary_checksums: {amd64: {v3.4.23: %s}}
                """.formatted(SHA_ARM64, SHA_AMD64)).binaryChecksum()).contains(SHA_ARM64);
    }

    @Test
    void checksumMapWithoutTheVersionIsRefused() {
        assertThatThrownBy(() -> settings("""
                etcd_binary_checksums: {amd64: {v3.5.16: %s}}
                """.formatted(SHA_AMD64)))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: etcd_binary_checksums (set in all.vars in hosts.yaml) has no "
                        + "checksum for amd64 / v3.6.14. Add `v3.6.14: SHA256` under etcd_binary_checksums.amd64 "
                        + "(the sha256 of the release tarball), or set etcd_binary_checksum.");
    }

    @Test
    void malformedChecksumIsRefused() {
        assertThatThrownBy(() -> settings("etcd_binary_checksum: abc123"))
                .hasMessage("inventory hosts.yaml: etcd_binary_checksum (set in all.vars in hosts.yaml) holds "
                        + "\"abc123\", which is not a sha256 checksum. Write the 64 hexadecimal digits from the "
                        + "release's SHA256SUMS file.");
    }

    @Test
    void heartbeatMayBeText() {
        assertThat(settings("etcd_heartbeat_interval: \"250\"").heartbeatMillis()).isEqualTo(250);
    }

    @Test
    void electionTimeoutBelowFiveHeartbeatsIsRefused() {
        assertThatThrownBy(() -> settings("etcd_heartbeat_interval: 500\netcd_election_timeout: 2000"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: etcd_election_timeout (set in all.vars in hosts.yaml) is 2000 ms, "
                        + "less than 5 x etcd_heartbeat_interval (500 ms = 2500 ms), which etcd refuses. Raise "
                        + "etcd_election_timeout to at least 2500 or lower etcd_heartbeat_interval (Kubespray's "
                        + "defaults are 5000 and 250).");
    }

    @Test
    void electionTimeoutAboveFiftySecondsIsRefused() {
        assertThatThrownBy(() -> settings("etcd_election_timeout: 60000"))
                .hasMessage("inventory hosts.yaml: etcd_election_timeout (set in all.vars in hosts.yaml) is 60000 ms, "
                        + "more than the 50000 ms etcd accepts. Lower etcd_election_timeout to 50000 or less.");
    }

    @Test
    void nonNumericHeartbeatIsRefused() {
        assertThatThrownBy(() -> settings("etcd_heartbeat_interval: fast"))
                .hasMessage("inventory hosts.yaml: etcd_heartbeat_interval (set in all.vars in hosts.yaml) is "
                        + "\"fast\", which is not a whole number. Write it as a number, for example "
                        + "etcd_heartbeat_interval: 250.");
    }

    @Test
    void relativeDataDirIsRefused() {
        assertThatThrownBy(() -> settings("etcd_data_dir: var/lib/etcd"))
                .hasMessage("inventory hosts.yaml: etcd_data_dir (set in all.vars in hosts.yaml) is \"var/lib/etcd\", "
                        + "which is not an absolute path. Give the full path on the etcd hosts, for example "
                        + "/var/lib/etcd.");
    }

    @Test
    void nameInAltIpsIsRefused() {
        assertThatThrownBy(() -> settings("etcd_cert_alt_ips: [etcd.example.com]"))
                .hasMessage("inventory hosts.yaml: etcd_cert_alt_ips (set in all.vars in hosts.yaml) contains "
                        + "\"etcd.example.com\", which is not an IP address. Put DNS names in etcd_cert_alt_names and "
                        + "only IP addresses in etcd_cert_alt_ips.");
    }

    @Test
    void badVersionIsRefused() {
        assertThatThrownBy(() -> settings("etcd_version: latest"))
                .hasMessage("inventory hosts.yaml: etcd_version (set in all.vars in hosts.yaml) is \"latest\", which "
                        + "is not an etcd release version. Write a release such as v3.6.14.");
    }

    @Test
    void unsupportedDownloadSchemeIsRefused() {
        assertThatThrownBy(() -> settings("etcd_download_url: ftp://mirror/etcd.tar.gz"))
                .hasMessage("inventory hosts.yaml: etcd_download_url (set in all.vars in hosts.yaml) is "
                        + "\"ftp://mirror/etcd.tar.gz\", whose scheme ftp: Quorum cannot download from. Use an "
                        + "https:// or http:// URL, a file:// URL, or a plain path to the tarball.");
    }

    @Test
    void clusterNameIsLowerCased() {
        assertThat(read("cluster_name: Prod-Cluster.1").clusterName()).isEqualTo("prod-cluster.1");
    }

    @Test
    void clusterNameThatIsNoPlainNameIsRefused() {
        assertThatThrownBy(() -> read("cluster_name: \"Prod Cluster #1\""))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: cluster_name (set in all.vars in hosts.yaml) is \"Prod Cluster #1\", "
                        + "which contains a space; a cluster name may only hold letters, digits, dot, dash and "
                        + "underscore. Give a name such as prod-etcd or cluster.local; Quorum keeps the cluster's files "
                        + "in a folder of that name.");
    }

    @Test
    void clusterNameDefaultsToTheSanitizedDirectoryName(@TempDir Path other) {
        Path file = TestInventories.write(other, "My Lab/hosts.yaml", TestInventories.threeEtcdHosts(""));
        assertThat(TestInventories.reader().read(file).clusterName()).isEqualTo("my-lab");
    }
}
