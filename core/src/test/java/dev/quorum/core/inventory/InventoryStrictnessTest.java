package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader refuses although YAML or Ansible would let it pass: duplicates, unverifiable http, odd flags. */
class InventoryStrictnessTest {
    private static final String SHA = "c".repeat(64);

    @TempDir
    Path dir;

    private Inventory read(String hostsYaml) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml", hostsYaml));
    }

    @Test
    void hostDefinedTwiceInOneMappingIsRefused() {
        assertThatThrownBy(() -> read("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                    node1: {ip: 10.0.0.3}
                  children:
                    etcd:
                      hosts: {node1: , node2: }
                """))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml sets `node1` twice in the same mapping at line 5, column 10. Keep one "
                        + "of them: YAML would keep only the last and silently drop the other.");
    }

    @Test
    void variableSetTwiceInAGroupVarsFileIsRefusedNamingTheFile() {
        TestInventories.write(dir, "group_vars/etcd.yml", """
                etcd_data_dir: /var/lib/etcd
                etcd_version: v3.5.16
                etcd_data_dir: /srv/etcd
                """);

        assertThatThrownBy(() -> read(TestInventories.threeEtcdHosts("")))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("inventory hosts.yaml: group_vars/etcd.yml sets `etcd_data_dir` twice in the "
                        + "same mapping at line 3");
    }

    @Test
    void theSameHostUnderAllAndInAGroupIsNoDuplicate() {
        Inventory inventory = read(TestInventories.threeEtcdHosts(""));
        assertThat(inventory.etcdMembers()).hasSize(3);
    }

    /** A release whose official sha256 Quorum does not ship (KnownReleases), so only the inventory can give one. */
    private static final String UNKNOWN_RELEASE = "etcd_version: v3.4.23\n";

    @Test
    void plainHttpWithoutChecksumIsRefused() {
        assertThatThrownBy(() -> read(TestInventories.threeEtcdHosts(
                UNKNOWN_RELEASE + "etcd_download_url: http://mirror.local/etcd-v3.4.23-linux-amd64.tar.gz")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: etcd_download_url (set in all.vars in hosts.yaml) is "
                        + "\"http://mirror.local/etcd-v3.4.23-linux-amd64.tar.gz\", a plain http:// URL, and no "
                        + "etcd_binary_checksum is set: anyone between this machine and the server could replace the "
                        + "etcd binaries. Use https://, or set etcd_binary_checksum to the sha256 of the tarball (from "
                        + "the release's SHA256SUMS file).");
    }

    @Test
    void plainHttpMirrorWithoutChecksumIsRefusedNamingGithubUrl() {
        assertThatThrownBy(() -> read(TestInventories.threeEtcdHosts(UNKNOWN_RELEASE + "github_url: http://ghproxy.local")))
                .hasMessageStartingWith("inventory hosts.yaml: github_url (set in all.vars in hosts.yaml) is "
                        + "\"http://ghproxy.local/etcd-io/etcd/releases/download/");
    }

    @Test
    void plainHttpWithChecksumAndHttpsOrFilesWithoutAreRead() {
        assertThat(read(TestInventories.threeEtcdHosts("etcd_download_url: http://mirror.local/etcd.tar.gz\n"
                + "etcd_binary_checksum: " + SHA)).etcd().downloadUrl()).isEqualTo(URI.create("http://mirror.local/etcd.tar.gz"));
        assertThat(read(TestInventories.threeEtcdHosts(UNKNOWN_RELEASE + "etcd_download_url: https://mirror.local/etcd.tar.gz"))
                .etcd().binaryChecksum()).isEmpty();
        assertThat(read(TestInventories.threeEtcdHosts("etcd_download_url: /opt/etcd.tar.gz")).etcd().downloadUrl())
                .isEqualTo(Path.of("/opt/etcd.tar.gz").toUri());
    }

    @Test
    void evenMemberFlagIsReadAsABoolean() {
        assertThat(read(TestInventories.threeEtcdHosts("")).allowsEvenMemberCount()).isFalse();
        assertThat(read(TestInventories.threeEtcdHosts("quorum_allow_even_members: true")).allowsEvenMemberCount()).isTrue();
        assertThat(read(TestInventories.threeEtcdHosts("quorum_allow_even_members: \"yes\"")).allowsEvenMemberCount())
                .isTrue();
        assertThat(read(TestInventories.threeEtcdHosts("quorum_allow_even_members: false")).allowsEvenMemberCount())
                .isFalse();
        assertThatThrownBy(() -> read(TestInventories.threeEtcdHosts("quorum_allow_even_members: sure")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: quorum_allow_even_members (set in all.vars in hosts.yaml) is \"sure\", "
                        + "which is not true or false. Write quorum_allow_even_members: true or "
                        + "quorum_allow_even_members: false.");
    }
}
