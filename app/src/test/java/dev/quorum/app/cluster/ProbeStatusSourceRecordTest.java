package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.known.KnownClusters;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening a cluster records its inventory for the overview, once its CA is here, and never leaves a folder otherwise. */
@Timeout(60)
class ProbeStatusSourceRecordTest {
    @TempDir
    Path dir;

    private ClusterSource source() throws Exception {
        Path file = dir.resolve("prod").resolve("hosts.yaml");
        Files.createDirectories(file.getParent());
        // 192.0.2.1 is TEST-NET-1: never routed, so the read fails within the source's own timeouts.
        Files.writeString(file, "all:\n  hosts:\n    n1: {ip: 192.0.2.1}\n  children:\n    etcd:\n      hosts: {n1: {}}\n");
        return new ClusterSource(new InventoryReader().read(file), Optional.empty(), false);
    }

    @Test
    void withoutItsCaTheClusterIsNotRecordedAndNoFolderIsLeft() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        try (ProbeStatusSource status = new ProbeStatusSource(source(), home)) {
            assertThatThrownBy(status::read).isInstanceOf(NoCertificatesException.class);
        }
        assertThat(home.cluster("prod")).doesNotExist();
    }

    @Test
    void withItsCaTheInventoryIsRecordedWhenTheSessionOpens() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        CertificateAuthority.loadOrCreate(home.pki("prod"), "etcd-ca", KeyAlgorithm.EC_P256);
        ClusterSource source = source();
        try (ProbeStatusSource status = new ProbeStatusSource(source, home)) {
            try {
                status.read();
            } catch (RuntimeException unreachable) {
                // expected: nobody answers on TEST-NET-1; the recording happened before any network read
            }
        }
        assertThat(new KnownClusters(home).list()).singleElement()
                .satisfies(c -> assertThat(c.inventory()).contains(source.inventoryFile().toAbsolutePath().normalize()));
    }
}
