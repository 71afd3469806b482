package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.intent.Intent;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.LabDiagnosis;
import dev.quorum.core.lifecycle.recover.ProblemKind;
import dev.quorum.core.lifecycle.recover.Verdict;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateProfile;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRequest;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.ProblemCode;
import dev.quorum.core.pki.TestCertificates;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The certificate inventory and renewal on a cluster Quorum installed on three lab hosts, in order:
 * clean, then broken in five ways (each flagged on its host and file), renewed while a client keeps
 * writing, renewed again (nothing to do), every member certificate expired (no quorum) and renewed
 * all at once, and last a member whose unit still says "activating" checked like a running one.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertsLabTest {
    private static final String DIR = "/etc/ssl/etcd/ssl";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void install() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
    }

    private static InventoryReport inventory() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new CertificateInventory(session.inventory(), session::remote, Duration.ofDays(30),
                    Clock.systemUTC()).collect(WorkstationStore.read(cluster.home.pki(session.inventory().clusterName())));
        }
    }

    private static CertificateRecord record(InventoryReport report, String host, String file) {
        return report.certificates().stream().filter(r -> r.host().equals(host) && r.path().equals(DIR + "/" + file))
                .findFirst().orElseThrow(() -> new AssertionError("no " + file + " on " + host));
    }

    private static List<ProblemCode> codes(CertificateRecord record) {
        return record.problems().stream().map(CertificateProblem::code).toList();
    }

    private static LabHost host(String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static CertificateAuthority clusterCa() {
        return ClusterPki.open(cluster.home, cluster.inventory().clusterName()).ca();
    }

    private static KubesprayCertificates layout() {
        return KubesprayCertificates.of(lab.hosts().stream().map(h -> new CertHost(h.name(), h.address())).toList(),
                cluster.inventory().etcd().certAltNames(), List.of());
    }

    /** Replaces a certificate and its key in place: `cat >` keeps the files' modes. */
    private static void put(String hostName, String name, IssuedCertificate issued) {
        host(hostName).writeFile(DIR + "/" + name + "-key.pem", issued.privateKeyPem());
        host(hostName).writeFile(DIR + "/" + name + ".pem", issued.certificatePem());
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LabCluster.Outcome renew() {
        return cluster.run(session -> CertPlans.renew(session, new RenewalRequest(Optional.empty(), false,
                Duration.ofDays(30))));
    }

    @Test
    @Order(1)
    void aCleanClusterHasNoProblems() {
        InventoryReport report = inventory();

        assertThat(report.unreachable()).isEmpty();
        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(report.certificates()).filteredOn(r -> r.host().equals(CertificateInventory.WORKSTATION))
                .extracting(CertificateRecord::fileName).containsExactlyInAnyOrder("ca.pem", "quorum-client.pem");
        for (LabHost host : lab.hosts()) {
            CertificateRecord member = record(report, host.name(), "member-" + host.name() + ".pem");
            assertThat(member.usedBy()).contains("ETCD_CERT_FILE", "ETCD_PEER_CERT_FILE");
            assertThat(member.details().orElseThrow().sans()).contains(host.address(), host.name(), "127.0.0.1");
            assertThat(record(report, host.name(), "admin-" + host.name() + ".pem").role())
                    .isEqualTo(CertificateRole.ADMIN);
            assertThat(record(report, host.name(), "ca.pem").problems()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void eachBrokenCertificateIsFlaggedOnItsHostAndFile() {
        CertificateAuthority ca = clusterCa();
        CertificateAuthority other = CertificateAuthority.loadOrCreate(dir.resolve("other-ca"), "not-this-cluster",
                KeyAlgorithm.EC_P256);
        KubesprayCertificates layout = layout();
        Instant now = Instant.now();
        put("lab1", "member-lab1", other.issue(layout.member("lab1").request()));
        CertificateRequest withoutIp = new CertificateRequest("etcd-member-lab2", CertificateProfile.MEMBER,
                layout.dnsNames(), layout.ipAddresses().stream().filter(ip -> !ip.equals(host("lab2").address()))
                .toList(), Duration.ofDays(365), KeyAlgorithm.EC_P256);
        put("lab2", "member-lab2", ca.issue(withoutIp));
        put("lab3", "member-lab3", TestCertificates.issue(ca, layout.member("lab3").request(), now.minusSeconds(60),
                now.plus(Duration.ofDays(1))));
        put("lab2", "admin-lab2", TestCertificates.issue(ca, layout.admin("lab2").request(),
                now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));
        host("lab1").exec("chmod 0644 " + DIR + "/admin-lab1-key.pem").requireOk("chmod");

        InventoryReport report = inventory();

        assertThat(codes(record(report, "lab1", "member-lab1.pem"))).containsExactly(ProblemCode.WRONG_CA);
        assertThat(codes(record(report, "lab2", "member-lab2.pem"))).containsExactly(ProblemCode.SANS_MISSING);
        assertThat(record(report, "lab2", "member-lab2.pem").problems().get(0).message())
                .contains(host("lab2").address());
        assertThat(codes(record(report, "lab3", "member-lab3.pem"))).containsExactly(ProblemCode.EXPIRING);
        assertThat(codes(record(report, "lab2", "admin-lab2.pem"))).containsExactly(ProblemCode.EXPIRED);
        assertThat(codes(record(report, "lab1", "admin-lab1.pem"))).containsExactly(ProblemCode.KEY_PERMISSIONS);
        assertThat(report.certificates().stream().filter(CertificateRecord::needsAction)).hasSize(5);
    }

    @Test
    @Order(3)
    void renewalFixesThemWhileAClientKeepsWriting() throws Exception {
        try (ContinuousWriter writer = new ContinuousWriter(lab.hosts().stream()
                .map(h -> "https://" + h.address() + ":2379").toList(), ClusterPki.open(cluster.home,
                cluster.inventory().clusterName()).clientTls())) {
            writer.awaitAcknowledged(30, Duration.ofSeconds(15));
            int atStart = writer.acknowledgedCount();
            LabCluster.Outcome renewed = renew();
            int atEnd = writer.acknowledgedCount();
            writer.awaitAcknowledged(atEnd + 30, Duration.ofSeconds(15));
            writer.stop();
            System.out.println("renewal under load:\n" + renewed.log() + "longest gap " + writer.longestGap());

            assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
            assertThat(atStart).isPositive();
            assertThat(atEnd).as("writes acknowledged during the renewal").isGreaterThan(atStart);
            assertThat(writer.missing()).isEmpty();
            assertThat(writer.longestGap()).as("longest pause between acknowledged writes")
                    .isLessThan(ContinuousWriter.REQUEST_TIMEOUT.plusSeconds(3));
            assertThat(renewed.log()).contains("renewed " + DIR + "/member-lab1.pem", "tightened " + DIR
                    + "/admin-lab1-key.pem");
        }
        InventoryReport after = inventory();
        assertThat(after.clean()).as(after.certificates().stream().filter(CertificateRecord::needsAction).toList()
                .toString()).isTrue();
        assertThat(host("lab1").exec("ls /var/backups/quorum/*" + DIR + "/member-lab1.pem").ok()).isTrue();
        ClusterStatus status = status();
        assertThat(status).isNotNull();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
    }

    @Test
    @Order(4)
    void renewingAgainChangesNothing() {
        LabCluster.Outcome again = renew();

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(5)
    void aClusterWhoseMemberCertificatesExpiredIsRenewedAllAtOnce() throws Exception {
        CertificateAuthority ca = clusterCa();
        KubesprayCertificates layout = layout();
        Instant now = Instant.now();
        for (LabHost host : lab.hosts()) {
            put(host.name(), "member-" + host.name(), TestCertificates.issue(ca, layout.member(host.name()).request(),
                    now.minus(Duration.ofDays(400)), now.minus(Duration.ofHours(1))));
        }
        // Restarting drops the connections made before expiry: now nobody accepts anybody.
        for (LabHost host : lab.hosts()) {
            host.exec("systemctl restart --no-block etcd").requireOk("restart etcd");
        }
        ClusterStatus broken = status();
        assertThat(broken == null || !broken.quorum()).as("quorum lost with expired certificates").isTrue();
        Diagnosis diagnosis = new LabDiagnosis(cluster).await(d -> d.verdict() == Verdict.QUORUM_LOST);
        assertThat(diagnosis.members()).allSatisfy(m -> assertThat(m.problems().get(0).kind())
                .isEqualTo(ProblemKind.CERT_EXPIRED));
        assertThat(diagnosis.sentence()).endsWith("certificates expired on lab1, lab2 and lab3: quorum certs renew "
                + "re-issues them, and quorum returns with every write");
        assertThat(diagnosis.actions().get(0).intent()).as("a renewal, not a restore, first")
                .isEqualTo(new Intent.RenewCertificates());

        LabCluster.Outcome renewed = renew();
        System.out.println("renewal without quorum:\n" + renewed.log());

        assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
        assertThat(renewed.log()).contains("then the members reconnect, or all restart together");
        assertThat(renewed.log()).containsAnyOf("restarting etcd on lab1, lab2, lab3",
                "reconnected with their new certificates; no restart needed");
        ClusterStatus status = status();
        assertThat(status).isNotNull();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(inventory().clean()).isTrue();
    }

    @Test
    @Order(6)
    void membersStoppedWithExpiredCertificatesAreStartedTogetherAfterRenewal() throws Exception {
        CertificateAuthority ca = clusterCa();
        KubesprayCertificates layout = layout();
        Instant now = Instant.now();
        for (LabHost host : lab.hosts()) {
            put(host.name(), "member-" + host.name(), TestCertificates.issue(ca, layout.member(host.name()).request(),
                    now.minus(Duration.ofDays(400)), now.minus(Duration.ofHours(1))));
            host.exec("systemctl stop etcd").requireOk("stop etcd");
        }
        Diagnosis diagnosis = new LabDiagnosis(cluster).now();
        assertThat(diagnosis.quorumReturn()).as("starting them cannot help while their peers refuse them").isEmpty();
        assertThat(diagnosis.actions().get(0).intent()).isEqualTo(new Intent.RenewCertificates());

        LabCluster.Outcome renewed = renew();

        assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
        assertThat(renewed.log()).contains("restarting etcd on lab1, lab2, lab3");
        ClusterStatus status = status();
        assertThat(status).isNotNull();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
    }

    /**
     * A member whose unit still says "activating" (systemd slow to see its READY=1) already runs and serves: its
     * renewed certificate is checked as served and its health waited for, not skipped as a member that reads its
     * files when it starts.
     */
    @Test
    @Order(7)
    void aMemberWhoseUnitSaysActivatingIsCheckedToServeItsRenewedCertificate() throws Exception {
        LabHost lab2 = host("lab2");
        Instant now = Instant.now();
        put("lab2", "member-lab2", TestCertificates.issue(clusterCa(), layout().member("lab2").request(),
                now.minusSeconds(60), now.plus(Duration.ofDays(1))));
        lab2.lateReady(Duration.ofMinutes(5));
        LabCluster.Outcome renewed;
        try {
            lab2.exec("systemctl restart --no-block etcd").requireOk("restart etcd on lab2");
            assertThat(Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> Optional.ofNullable(status()).map(ClusterStatus::healthy).orElse(false)))
                    .as("healthy again after the restart").isTrue();
            assertThat(lab2.exec("systemctl is-active etcd").stdout()).isEqualTo("activating\n");

            renewed = renew();
        } finally {
            lab2.promptReady();
        }

        assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
        assertThat(renewed.log()).contains("renewed " + DIR + "/member-lab2.pem");
        assertThat(renewed.lines("lab2")).as(renewed.log())
                .anyMatch(line -> line.startsWith("etcd on lab2 serves the new certificate"))
                .anyMatch(line -> line.startsWith("lab2 healthy"));
        assertThat(inventory().clean()).isTrue();
    }
}
