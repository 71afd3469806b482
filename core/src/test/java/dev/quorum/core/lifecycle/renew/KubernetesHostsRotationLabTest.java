package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.labtest.HostEtcdctlWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes hosts through renewal and CA rotation (decision 0033): lab1-3 are the members, lab1 and lab4 control
 * planes, lab5 a node. etcdctl on lab4, with lab4's node certificate, writes increasing keys to every member
 * through a re-run of install, {@code certs renew --all} and a whole {@code certs rotate-ca} (in two runs, first
 * {@code --trust-only}, as on a Kubernetes cluster where kube-apiserver restarts in between): no acknowledged
 * write is lost and it is never refused for long. A second rotation with lab5 cut off stops before the members
 * serve the new CA, naming lab5, and completes once lab5 answers; then lab3 is replaced by lab6 (a spare), the
 * writer still running through all of it.
 */
@LabHosts(count = 6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesHostsRotationLabTest {
    private static final String DIR = "/etc/ssl/etcd/ssl";
    private static final String ANCHOR = "/usr/local/share/ca-certificates/etcd-ca.crt";
    private static final String SYSTEM_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static HostEtcdctlWriter writer;

    @BeforeAll
    static void installWithKubernetesHosts() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        String lab1 = lab.host(0).name();
        cluster.editInventory("\n  vars:", "\n    kube_control_plane:\n      hosts:\n        " + lab1 + ":\n        "
                + lab.host(3).name() + ":\n    kube_node:\n      hosts:\n        " + lab.host(4).name()
                + ":\n    k8s_cluster:\n      children:\n        kube_control_plane:\n        kube_node:\n  vars:");
        lab.host(3).exec("useradd --system --no-create-home kube").requireOk("add Kubespray's kube user on lab4");
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        writer = HostEtcdctlWriter.start(lab.host(3), lab.hosts().subList(0, 3), DIR);
    }

    @AfterAll
    static void stopWriter() {
        if (writer != null) {
            writer.stop();
        }
    }

    private static X509Certificate ca() {
        return ClusterPki.open(cluster.home, cluster.inventory().clusterName()).ca().certificate();
    }

    private static String serial(LabHost host) {
        return host.exec("openssl x509 -noout -serial -in " + DIR + "/node-" + host.name() + ".pem").stdout();
    }

    /** Waits, bounded, until the writer has acknowledged {@code more} writes beyond those it had. */
    private static void awaitMoreWrites(int more) {
        int target = writer.acknowledged().size() + more;
        for (int i = 0; i < 300 && writer.acknowledged().size() < target; i++) {
            lab.host(3).exec("sleep 0.2");
        }
        assertThat(writer.acknowledged().size()).as(writer.errors()).isGreaterThanOrEqualTo(target);
    }

    @Test
    @Order(1)
    void aRerunOfInstallChangesNothingWhileTheControlPlaneWrites() {
        awaitMoreWrites(10);

        LabCluster.Outcome again = cluster.install();

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(2)
    void renewingEveryCertificateRenewsTheNodeCertificatesOfTheKubernetesHosts() {
        String lab4Before = serial(lab.host(3));
        String lab5Before = serial(lab.host(4));

        LabCluster.Outcome renewed = cluster.run(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), true, Duration.ofDays(30))));
        awaitMoreWrites(10);

        assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
        assertThat(serial(lab.host(3))).isNotEqualTo(lab4Before);
        assertThat(serial(lab.host(4))).isNotEqualTo(lab5Before);
        String lab4 = lab.host(3).name();
        assertThat(lab.host(3).exec("stat -c '%U:%G %a' " + DIR + "/ca.pem " + DIR + "/node-" + lab4 + ".pem " + DIR
                + "/node-" + lab4 + "-key.pem").stdout()).isEqualTo("kube:root 644\nkube:root 640\nkube:root 600\n");
        LabCluster.Outcome again = cluster.run(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), false, Duration.ofDays(30))));
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(3)
    void aWholeRotationKeepsTheControlPlaneWritingAndLeavesEveryHostOnTheNewCaAlone() throws Exception {
        X509Certificate old = ca();
        LabCluster.Outcome trusted = cluster.run(session -> CertPlans.rotateCa(session,
                new RotateCaRequest(false, Set.of(), true)));
        assertThat(trusted.result().succeeded()).as(trusted.log() + trusted.firstFailure()).isTrue();
        assertThat(PemCodec.parseCertificates(lab.host(3).readFile(DIR + "/ca.pem"))).hasSize(2).contains(old);
        PemCodec.parseCertificate(lab.host(3).readFile(DIR + "/node-" + lab.host(3).name() + ".pem"))
                .verify(old.getPublicKey()); // --trust-only changes no certificate: kube-apiserver restarts here

        LabCluster.Outcome rotated = cluster.run(session -> CertPlans.rotateCa(session, RotateCaRequest.all()));
        awaitMoreWrites(10);
        System.out.println("rotation:\n" + rotated.log());

        assertThat(rotated.result().succeeded()).as(rotated.log() + rotated.firstFailure()).isTrue();
        X509Certificate next = ca();
        assertThat(next).isNotEqualTo(old);
        for (LabHost host : lab.hosts().subList(0, 5)) {
            assertThat(PemCodec.parseCertificates(host.readFile(DIR + "/ca.pem"))).as(host.name())
                    .containsExactly(next);
            assertThat(PemCodec.parseCertificates(host.readFile(ANCHOR))).as(host.name()).containsExactly(next);
            String bundle = host.readFile(SYSTEM_BUNDLE).replaceAll("\\s", "");
            assertThat(bundle).as(host.name()).contains(body(next)).doesNotContain(body(old));
        }
        for (LabHost host : List.of(lab.host(0), lab.host(3), lab.host(4))) {
            var verified = host.exec("openssl verify -CAfile " + DIR + "/ca.pem " + DIR + "/node-" + host.name()
                    + ".pem");
            assertThat(verified.ok()).as(host.name() + verified.stdout() + verified.stderr()).isTrue();
        }
    }

    private static String body(X509Certificate ca) {
        return PemCodec.write(ca).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    @Test
    @Order(4)
    void theCertificateInventoryListsTheNodeCertificatesSignedByTheNewCa() throws Exception {
        InventoryReport report;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            report = new CertificateInventory(session.inventory(), session::remote, Duration.ofDays(30),
                    Clock.systemUTC()).collect(WorkstationStore.read(cluster.home.pki(session.inventory()
                    .clusterName())));
        }
        List<CertificateRecord> nodes = report.certificates().stream().filter(r -> r.role() == CertificateRole.NODE)
                .toList();

        assertThat(nodes).extracting(CertificateRecord::host).containsExactlyInAnyOrder(
                lab.host(0).name(), lab.host(3).name(), lab.host(4).name());
        assertThat(nodes).allSatisfy(r -> assertThat(r.details().map(CertificateDetails::issuer).orElseThrow())
                .isEqualTo(ca().getSubjectX500Principal().getName()));
        assertThat(report.clean()).as(report.certificates().stream().filter(CertificateRecord::needsAction)
                .map(r -> r.host() + " " + r.path() + " " + r.problems()).toList().toString()).isTrue();
    }

    @Test
    @Order(5)
    void anUnreachableKubernetesHostStopsTheRotationBeforeMembersServeTheNewCaUntilItAnswers() throws Exception {
        LabHost lab5 = lab.host(4);
        X509Certificate current = ca();
        String lab5Ca = lab5.readFile(DIR + "/ca.pem");
        lab5.cutLink();
        LabCluster.Outcome blocked;
        try {
            blocked = cluster.run(session -> CertPlans.rotateCa(session, RotateCaRequest.all()));
        } finally {
            lab5.healLink();
        }

        assertThat(blocked.result().succeeded()).isFalse();
        assertThat(blocked.firstFailure()).contains(lab5.name() + " (").contains("cut them off etcd")
                .contains("--accept-unreached-kubernetes-hosts " + lab5.name());
        assertThat(blocked.log()).doesNotContain("Re-issue member, admin and node certificates that need it");
        assertThat(lab5.readFile(DIR + "/ca.pem")).isEqualTo(lab5Ca);
        for (LabHost member : lab.hosts().subList(0, 3)) {
            // Signed by the CA of before the rotation: the members were not given certificates from the new one.
            PemCodec.parseCertificate(member.readFile(DIR + "/member-" + member.name() + ".pem"))
                    .verify(current.getPublicKey());
        }

        LabCluster.Outcome resumed = cluster.run(session -> CertPlans.rotateCa(session, RotateCaRequest.all()));

        assertThat(resumed.result().succeeded()).as(resumed.log() + resumed.firstFailure()).isTrue();
        assertThat(PemCodec.parseCertificates(lab5.readFile(DIR + "/ca.pem"))).containsExactly(ca());
        var verified = lab5.exec("openssl verify -CAfile " + DIR + "/ca.pem " + DIR + "/node-" + lab5.name() + ".pem");
        assertThat(verified.ok()).as(verified.stdout() + verified.stderr()).isTrue();
    }

    @Test
    @Order(6)
    void replacingAMemberKeepsTheControlPlaneWriting() {
        LabHost spare = lab.host(5);

        LabCluster.Outcome replaced = cluster.run(session -> MemberPlans.replace(session,
                new ReplaceRequest(lab.host(2).name(), spare.name(), false)).plan());
        awaitMoreWrites(10);

        assertThat(replaced.result().succeeded()).as(replaced.log() + replaced.firstFailure()).isTrue();
        var health = lab.host(0).exec("etcdctl.sh endpoint health --cluster");
        assertThat(health.stdout()).as(health.stderr()).contains(spare.address()).doesNotContain("unhealthy");
    }

    @Test
    @Order(7)
    void noAcknowledgedWriteIsLostAndTheClientWasNeverRefusedForLong() {
        writer.stop();
        List<String> acknowledged = writer.acknowledged();
        Set<String> stored = Set.of(lab.host(0).exec("etcdctl.sh get k8s-writer/ --prefix --keys-only")
                .requireOk("read the keys back").stdout().split("\\s+"));
        System.out.println("lab4 writes: " + acknowledged.size() + " acknowledged of " + writer.answers().size()
                + ", longest gap " + writer.longestGap() + "\n" + writer.errors());

        assertThat(acknowledged.size()).isGreaterThan(50);
        assertThat(stored).containsAll(acknowledged);
        assertThat(writer.longestGap()).as("longest time without an acknowledged write; " + writer.errors())
                .isLessThan(Duration.ofSeconds(10));
    }
}
