package dev.quorum.core.certinventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.ProblemCode;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.OutputListener;
import dev.quorum.core.remote.RemoteHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate inventory reads the Kubernetes hosts too, and names a node certificate that is not there. */
class KubernetesHostsInventoryTest {
    private static final String DIR = "/etc/ssl/etcd/ssl";

    @TempDir
    Path tmp;

    @Test
    void aKubernetesHostsNodeCertificateIsInspectedAMissingOneListedAndAnUnreachableHostNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("hosts.yaml"), """
                all:
                  hosts:
                    etcd1: {ip: 127.88.0.1}
                    cp1: {ip: 127.88.0.2}
                    w1: {ip: 127.88.0.3}
                    w2: {ip: 127.88.0.4}
                  children:
                    etcd:
                      hosts:
                        etcd1:
                    kube_control_plane:
                      hosts:
                        cp1:
                    kube_node:
                      hosts:
                        w1:
                        w2:
                """);
        Inventory inventory = new InventoryReader("tester", tmp).read(file);
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(tmp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate node = ca.issue(KubesprayCertificates.of(List.of(new CertHost("etcd1", "127.88.0.1")),
                List.of(), List.of()).node("cp1").request());
        Map<String, String> listings = Map.of(
                "etcd1", "@@quorum missing " + DIR + "/*.pem\n",
                "cp1", "@@quorum file 644 " + DIR + "/ca.pem\n" + ca.certificatePem()
                        + "@@quorum file 640 " + DIR + "/node-cp1.pem\n" + node.certificatePem()
                        + "@@quorum file 600 " + DIR + "/node-cp1-key.pem\n" + node.privateKeyPem()
                        + "@@quorum file 640 " + DIR + "/node-cp1.pem\n" + node.certificatePem(),
                "w1", "@@quorum missing " + DIR + "/*.pem\n@@quorum missing " + DIR + "/node-w1.pem\n");
        HostAccess access = host -> {
            if (host.equals("w2")) {
                throw new java.net.NoRouteToHostException("no route to host 127.88.0.4:22");
            }
            return new Listing(host, listings.get(host));
        };

        var report = new CertificateInventory(inventory, access, Duration.ofDays(30), Clock.systemUTC())
                .collect(Optional.empty());

        CertificateRecord cp1 = record(report.certificates(), DIR + "/node-cp1.pem");
        assertThat(cp1.host()).isEqualTo("cp1");
        assertThat(cp1.role()).isEqualTo(CertificateRole.NODE);
        assertThat(cp1.problems()).isEmpty();
        assertThat(cp1.keyPath()).contains(DIR + "/node-cp1-key.pem");
        CertificateRecord w1 = record(report.certificates(), DIR + "/node-w1.pem");
        assertThat(w1.host()).isEqualTo("w1");
        assertThat(w1.has(ProblemCode.UNREADABLE)).isTrue();
        assertThat(report.unreachable()).containsOnlyKeys("w2");
        assertThat(report.caSource()).isEqualTo("cp1:" + DIR + "/ca.pem");
    }

    private static CertificateRecord record(List<CertificateRecord> records, String path) {
        return records.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError(path + " not in " + records.stream().map(CertificateRecord::path).toList()));
    }

    /** A host that answers the inventory's two reads: no /etc/etcd.env, then its canned listing. */
    private record Listing(String name, String listing) implements RemoteHost {
        @Override
        public CommandResult run(String command, OutputListener listener) {
            return run(command, listener, Duration.ofMinutes(1));
        }

        @Override
        public CommandResult run(String command, OutputListener listener, Duration timeout) {
            if (command.startsWith("cat /etc/etcd.env")) {
                return new CommandResult(0, "", "");
            }
            // A Kubernetes host's own node certificate is asked for by name, so a missing one shows.
            boolean asksForNode = command.contains(DIR + "/node-" + name + ".pem");
            if (command.startsWith("for f in ") && asksForNode == !name.equals("etcd1")) {
                return new CommandResult(0, listing, "");
            }
            return new CommandResult(127, "", "not expected: " + command);
        }

        @Override
        public void upload(Path localFile, String remotePath, String mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(byte[] content, String remotePath, String mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> read(String remotePath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> readMebibytes(String remotePath, long first, int mebibytes, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
