package dev.quorum.core.lifecycle.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RenewalRequest;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.ProblemCode;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.lab.KubesprayLayout;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster laid out on three lab hosts exactly as Kubespray's etcd role does, without Quorum,
 * then adopted: refused while the inventory disagrees with the hosts, CA imported, status and the
 * certificate inventory working, the CA key taken off the hosts, a certificate renewed from the
 * imported CA, and a fourth host (lab4, a spare host of the inventory) added as a member.
 */
@LabHosts(count = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdoptKubesprayLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void layOutAsKubespray() throws Exception {
        new KubesprayLayout(lab, 3, dir.resolve("kubespray-ssl")).install(List.of("lab1", "lab2", "lab3", "worker1"));
        // Kubespray's defaults (names etcd1..3, token k8s_etcd, /etc/ssl/etcd/ssl) need no variables.
        cluster = new LabCluster(lab, dir, Map.of(), 3);
    }

    private static LabCluster.Outcome adopt(boolean removeCaKey) {
        return cluster.run(session -> AdoptPlans.adopt(session, new AdoptRequest(removeCaKey)));
    }

    private static InventoryReport inventory() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new CertificateInventory(session.inventory(), session::remote, Duration.ofDays(30),
                    Clock.systemUTC()).collect(WorkstationStore.read(cluster.home.pki(session.inventory().clusterName())));
        }
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    private static boolean workstationHasCa() {
        return ClusterPki.exists(cluster.home, cluster.inventory().clusterName());
    }

    @Test
    @Order(1)
    void anInventoryThatDisagreesWithTheHostsIsRefusedAndNothingIsImported() {
        cluster.editInventory("  vars:\n", "  vars:\n    etcd_initial_cluster_token: other-token\n");
        try {
            LabCluster.Outcome refused = adopt(false);

            assertThat(refused.result().succeeded()).isFalse();
            assertThat(refused.firstFailure()).contains("ETCD_INITIAL_CLUSTER_TOKEN is k8s_etcd",
                    "set etcd_initial_cluster_token: k8s_etcd");
            assertThat(workstationHasCa()).isFalse();
        } finally {
            cluster.editInventory("    etcd_initial_cluster_token: other-token\n", "");
        }
    }

    @Test
    @Order(2)
    void adoptionImportsTheCaAndQuorumSeesTheCluster() {
        LabCluster.Outcome adopted = adopt(false);

        assertThat(adopted.result().succeeded()).as(adopted.log() + adopted.firstFailure()).isTrue();
        assertThat(adopted.log()).contains("imported CN=etcd-ca", "from lab1");
        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.memberList()).extracting(MemberInfo::name).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");

        InventoryReport report = inventory();
        assertThat(report.hasErrors()).as(report.certificates().toString()).isFalse();
        for (LabHost host : lab.hosts().subList(0, 3)) {
            CertificateRecord ca = report.certificates().stream()
                    .filter(r -> r.host().equals(host.name()) && r.role() == CertificateRole.CA).findFirst().orElseThrow();
            assertThat(ca.has(ProblemCode.CA_KEY_ON_HOST)).isTrue();
            CertificateRecord member = report.certificates().stream().filter(r -> r.host().equals(host.name())
                    && r.fileName().equals("member-" + host.name() + ".pem")).findFirst().orElseThrow();
            assertThat(member.details().map(CertificateDetails::keyType)).contains("RSA 2048");
            assertThat(member.usedBy()).contains("ETCD_CERT_FILE");
        }
        assertThat(report.certificates()).anyMatch(r -> r.fileName().equals("node-worker1.pem")
                && r.role() == CertificateRole.NODE && r.problems().isEmpty());
    }

    @Test
    @Order(3)
    void adoptingAgainChangesNothing() {
        LabCluster.Outcome again = adopt(false);

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(4)
    void theCaKeyLeavesTheHostsOnceTheWorkstationHoldsIt() {
        LabCluster.Outcome removed = adopt(true);

        assertThat(removed.result().succeeded()).as(removed.log() + removed.firstFailure()).isTrue();
        for (LabHost host : lab.hosts()) {
            assertThat(host.fileExists(KubesprayLayout.SSL + "/ca-key.pem")).as(host.name()).isFalse();
        }
        assertThat(inventory().certificates()).noneMatch(r -> r.has(ProblemCode.CA_KEY_ON_HOST));
        assertThat(status().healthy()).isTrue();
    }

    @Test
    @Order(5)
    void aCertificateIsRenewedFromTheImportedCa() {
        String before = lab.hosts().get(0).readFile(KubesprayLayout.SSL + "/member-lab1.pem");

        LabCluster.Outcome renewed = cluster.run(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.of("etcd1"), true, Duration.ofDays(30))));

        assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
        assertThat(lab.hosts().get(0).readFile(KubesprayLayout.SSL + "/member-lab1.pem")).isNotEqualTo(before);
        InventoryReport report = inventory();
        assertThat(report.clean()).as(report.certificates().toString()).isTrue();
        CertificateRecord member = report.certificates().stream().filter(r -> r.host().equals("lab1")
                && r.fileName().equals("member-lab1.pem")).findFirst().orElseThrow();
        assertThat(member.details().orElseThrow().keyType()).isEqualTo("RSA 2048");
        assertThat(member.details().orElseThrow().issuer()).isEqualTo("CN=etcd-ca");
        assertThat(status().healthy()).isTrue();
    }

    @Test
    @Order(6)
    void aMemberIsAddedToTheAdoptedCluster() {
        LabCluster.Outcome added = cluster.run(session -> MemberPlans.add(session, new AddRequest("lab4")).plan());

        assertThat(added.result().succeeded()).as(added.log() + added.firstFailure()).isTrue();
        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.memberList()).extracting(MemberInfo::name).contains("etcd1", "etcd2", "etcd3", "etcd4");
        String lab4Member = lab.hosts().get(3).readFile(KubesprayLayout.SSL + "/member-lab4.pem");
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            assertThat(session.pki().ca().signed(PemCodec.parseCertificate(lab4Member))).isTrue();
        }
    }
}
