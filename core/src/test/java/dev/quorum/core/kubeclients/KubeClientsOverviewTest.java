package dev.quorum.core.kubeclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.lifecycle.apiservers.ControlPlaneObservation;
import dev.quorum.core.lifecycle.apiservers.EtcdServersFlag;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeClientsOverviewTest {
    static final List<String> MEMBERS = List.of("https://10.0.0.1:2379", "https://10.0.0.2:2379");

    static CertificateRecord node(String host, CertificateProblem... problems) {
        CertificateDetails details = new CertificateDetails("CN=etcd-node-" + host, List.of(host), "CN=etcd-ca", "1",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 300, "EC P-256", "AA",
                false);
        return new CertificateRecord(host, "/etc/ssl/etcd/ssl/node-" + host + ".pem", CertificateRole.NODE, List.of(),
                Optional.of(details), Optional.of("/etc/ssl/etcd/ssl/node-" + host + "-key.pem"), List.of(problems));
    }

    static ControlPlaneObservation manifest(String host, String value) {
        return ControlPlaneObservation.manifest(host, EtcdServersFlag.read("  - --etcd-servers=" + value + "\n"));
    }

    @Test
    void eachHostWithItsRoleCertificateAndWhetherKubeApiserverListsTheMembers() {
        InventoryReport report = new InventoryReport(List.of(node("cp1"), node("cp2",
                new CertificateProblem(ProblemCode.WRONG_CA, "not signed by the cluster CA")), node("w1")),
                Map.of("w2", "connection timed out"), "/home/me/.quorum/clusters/lab/pki/ca.pem");

        List<KubeClientStatus> statuses = KubeClientsOverview.build(List.of("cp1", "cp2", "w1", "w2"),
                List.of("cp1", "cp2"), report, List.of(manifest("cp1", "https://10.0.0.2:2379,https://10.0.0.1:2379"),
                        manifest("cp2", "https://10.0.0.9:2379")), MEMBERS);

        assertThat(statuses).extracting(KubeClientStatus::host).containsExactly("cp1", "cp2", "w1", "w2");
        assertThat(statuses.get(0).role()).isEqualTo(KubeRole.CONTROL_PLANE);
        assertThat(statuses.get(0).apiserver()).isEqualTo(ApiserverMatch.MATCHES);
        assertThat(statuses.get(0).certificate().orElseThrow().signedByClusterCa()).contains(true);
        assertThat(statuses.get(1).apiserver()).isEqualTo(ApiserverMatch.DIFFERS);
        assertThat(statuses.get(1).apiserverText()).isEqualTo("https://10.0.0.9:2379");
        assertThat(statuses.get(1).certificate().orElseThrow().signedByClusterCa()).contains(false);
        assertThat(statuses.get(1).certificate().orElseThrow().problems()).containsExactly("wrong-ca");
        assertThat(statuses.get(2).role()).isEqualTo(KubeRole.NODE);
        assertThat(statuses.get(2).apiserver()).isEqualTo(ApiserverMatch.NOT_A_CONTROL_PLANE);
        assertThat(statuses.get(3).reachable()).isFalse();
        assertThat(statuses.get(3).unreachable()).contains("connection timed out");
        assertThat(statuses.get(3).certificate()).isEmpty();
    }

    @Test
    void aControlPlaneTheManifestReadCouldNotReachIsUnknownNotMatching() {
        InventoryReport report = new InventoryReport(List.of(), Map.of(), InventoryReport.UNKNOWN_CA);

        List<KubeClientStatus> statuses = KubeClientsOverview.build(List.of("cp1", "cp2"), List.of("cp1", "cp2"), report,
                List.of(ControlPlaneObservation.unreachable("cp1", "no route to host"),
                        ControlPlaneObservation.noManifest("cp2")), MEMBERS);

        assertThat(statuses.get(0).reachable()).isFalse();
        assertThat(statuses.get(0).apiserver()).isEqualTo(ApiserverMatch.UNKNOWN);
        assertThat(statuses.get(1).apiserver()).isEqualTo(ApiserverMatch.NO_MANIFEST);
        assertThat(statuses.get(1).certificate()).as("no record for it: not read").isEmpty();
    }
}
