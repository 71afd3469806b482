package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.intent.Intent;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.LabDiagnosis;
import dev.quorum.core.lifecycle.recover.ProblemKind;
import dev.quorum.core.lifecycle.recover.Verdict;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.TestCertificates;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose CA expired (decision 0076): every member's certificates still valid but signed by a CA past its
 * notAfter, etcd restarted, so no member accepts another. Diagnose names the CA and points to its replacement, a
 * renewal is refused, and {@code certs rotate-ca}, cut short after the workstation switched and run again, replaces
 * the CA on every member at once: quorum back, every write kept, the expired CA trusted nowhere.
 */
@LabHosts(count = 3)
class ExpiredCaLabTest {
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

    private static Path pki() {
        return cluster.home.pki(cluster.inventory().clusterName());
    }

    /** Every member's files and the workstation's CA as if the CA had been made long ago and had now run out. */
    private static CertificateAuthority expireTheCa() throws Exception {
        Instant now = Instant.now();
        CertificateAuthority expired = TestCertificates.ca("etcd-ca", KeyAlgorithm.EC_P256,
                now.minus(Duration.ofDays(800)), now.minus(Duration.ofHours(1)));
        KubesprayCertificates layout = KubesprayCertificates.of(lab.hosts().stream()
                .map(h -> new CertHost(h.name(), h.address())).toList(), cluster.inventory().etcd().certAltNames(), List.of());
        for (LabHost host : lab.hosts()) {
            for (KubesprayCertificate own : layout.forEtcdHost(host.name())) {
                var issued = TestCertificates.issue(expired, own.request(), now.minus(Duration.ofDays(400)),
                        now.plus(Duration.ofDays(400)));
                host.writeFile(DIR + "/" + own.keyFile(), issued.privateKeyPem());
                host.writeFile(DIR + "/" + own.certificateFile(), issued.certificatePem());
            }
            host.writeFile(DIR + "/ca.pem", expired.certificatePem());
        }
        Files.writeString(pki().resolve(CertificateAuthority.KEY_FILE), expired.privateKeyPem());
        Files.writeString(pki().resolve(CertificateAuthority.CERTIFICATE_FILE), expired.certificatePem());
        // Restarting drops the connections made before: now nobody accepts anybody.
        for (LabHost host : lab.hosts()) {
            host.exec("systemctl restart --no-block etcd").requireOk("restart etcd on " + host.name());
        }
        return expired;
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Test
    void anExpiredCaIsDiagnosedAndReplacedOnEveryMemberAtOnceWithEveryWriteKept() throws Exception {
        lab.host(0).exec("/usr/local/bin/etcdctl.sh put expired-ca-test kept").requireOk("put a key");
        X509Certificate expired = expireTheCa().certificate();

        Diagnosis diagnosis = new LabDiagnosis(cluster).await(d -> d.verdict() == Verdict.QUORUM_LOST
                && d.members().stream().allMatch(m -> m.has(ProblemKind.CA_EXPIRED)));
        assertThat(diagnosis.members()).allSatisfy(m -> assertThat(m.problems().get(0).kind())
                .isEqualTo(ProblemKind.CA_EXPIRED));
        assertThat(diagnosis.sentence()).endsWith("the CA expired on lab1, lab2 and lab3: quorum certs rotate-ca "
                + "replaces it on every member at once, and quorum returns with every write");
        assertThat(diagnosis.actions().get(0).intent()).as("a new CA, not a renewal nor a restore, first")
                .isEqualTo(new Intent.RotateCa());
        assertThatThrownBy(() -> cluster.run(session -> CertPlans.renew(session, new RenewalRequest(Optional.empty(),
                false, Duration.ofDays(30))))).as("a renewal would sign with the expired CA")
                .isInstanceOf(CertificateRefusal.class).hasMessageContaining("expired on")
                .hasMessageContaining("renewing them cannot help");

        // cut short at its most delicate point: files everywhere, the workstation switched, no member restarted
        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(session -> CertPlans.rotateCa(session, RotateCaRequest.all()),
                cluster.ssh(), RunMode.APPLY, cancellation, event -> {
                    if (event instanceof RunEvent.StepFinished finished
                            && finished.title().startsWith("Make the new CA this workstation's CA")) {
                        cancellation.cancel();
                    }
                });
        System.out.println("replacing an expired CA, cut short:\n" + interrupted.log());
        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(interrupted.log()).contains("a new CA replaces it whether or not the cluster has quorum");

        LabCluster.Outcome replaced = cluster.run(session -> CertPlans.rotateCa(session, RotateCaRequest.all()));
        System.out.println("replacing an expired CA, run again:\n" + replaced.log());

        assertThat(replaced.result().succeeded()).as(replaced.log() + replaced.firstFailure()).isTrue();
        assertThat(replaced.log()).as("the same replacement goes on").contains("restarting etcd on lab1, lab2, lab3 "
                + "together").doesNotContain("renewed " + DIR);
        ClusterStatus status = status();
        assertThat(status).isNotNull();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(lab.host(0).exec("/usr/local/bin/etcdctl.sh get --print-value-only expired-ca-test").stdout())
                .isEqualTo("kept\n");
        X509Certificate now = ClusterPki.open(cluster.home, cluster.inventory().clusterName()).ca().certificate();
        assertThat(now).isNotEqualTo(expired);
        for (LabHost host : lab.hosts()) {
            assertThat(PemCodec.parseCertificates(host.readFile(DIR + "/ca.pem"))).as(host.name()).containsExactly(now);
            assertThat(host.exec("ls /var/backups/quorum/*" + DIR + "/ca.pem").ok()).as("old CA file kept").isTrue();
        }
        InventoryReport report;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            report = new CertificateInventory(session.inventory(), session::remote, Duration.ofDays(30),
                    Clock.systemUTC()).collect(WorkstationStore.read(pki()));
        }
        assertThat(report.clean()).as(report.certificates().stream().filter(CertificateRecord::needsAction).toList()
                .toString()).isTrue();
        Diagnosis after = new LabDiagnosis(cluster).await(d -> d.verdict() == Verdict.HEALTHY);
        assertThat(after.members()).allSatisfy(m -> assertThat(m.problems()).isEmpty());
    }
}
