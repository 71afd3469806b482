package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.CaRotationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.TlsFiles;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.TestCertificates;
import dev.quorum.lab.Lab;
import dev.quorum.lab.Wait;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * CA rotation on three lab hosts: prepared, rolled to the end while a client keeps writing, then a
 * second rotation interrupted after the workstation switched and resumed by a re-run; a third stopped once
 * both CAs are trusted, and last refused because a member trusts another CA.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotateCaLabTest {
    private static final String CA = "/etc/ssl/etcd/ssl/ca.pem";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static X509Certificate oldCa;

    @BeforeAll
    static void install() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        oldCa = ClusterPki.open(cluster.home, cluster.inventory().clusterName()).ca().certificate();
    }

    private static Path pki() {
        return cluster.home.pki(cluster.inventory().clusterName());
    }

    /** What a client configured from the workstation's files uses right now (never issues anything). */
    private static TlsFiles currentFiles() {
        Path bundle = pki().resolve(CaRotationStore.TRUST_BUNDLE);
        return new TlsFiles(Files.isRegularFile(bundle) ? bundle : pki().resolve("ca.pem"),
                pki().resolve("quorum-client.pem"), pki().resolve("quorum-client-key.pem"));
    }

    private static LabCluster.Outcome rotate(boolean prepare) {
        return cluster.run(session -> CertPlans.rotateCa(session, new RotateCaRequest(prepare)));
    }

    @Test
    @Order(1)
    void preparingMakesTheNewCaAndTheBundleAndTouchesNoHost() throws Exception {
        String before = lab.hosts().get(0).readFile(CA);

        LabCluster.Outcome prepared = rotate(true);

        assertThat(prepared.result().succeeded()).as(prepared.log() + prepared.firstFailure()).isTrue();
        var bundle = PemCodec.parseCertificates(Files.readString(pki().resolve(CaRotationStore.TRUST_BUNDLE)));
        assertThat(bundle).hasSize(2).contains(oldCa);
        assertThat(lab.hosts().get(0).readFile(CA)).isEqualTo(before);
        assertThat(rotate(true).result().summary().nothingChanged()).isTrue();
    }

    @Test
    @Order(2)
    void theRotationKeepsQuorumWhileAClientWrites() throws Exception {
        X509Certificate newCa = PemCodec.parseCertificates(
                Files.readString(pki().resolve(CaRotationStore.TRUST_BUNDLE))).get(0);
        LabCluster.Outcome rotated;
        try (ContinuousWriter writer = ContinuousWriter.followingTrust(lab.hosts().stream()
                .map(h -> "https://" + h.address() + ":2379").toList(), RotateCaLabTest::currentFiles)) {
            writer.awaitAcknowledged(30, Duration.ofSeconds(15));
            int atStart = writer.acknowledgedCount();
            rotated = rotate(false);
            int atEnd = writer.acknowledgedCount();
            writer.awaitAcknowledged(atEnd + 30, Duration.ofSeconds(15));
            writer.stop();
            System.out.println("rotation:\n" + rotated.log() + "longest gap " + writer.longestGap() + ", reconnects "
                    + writer.reconnects() + ", writes " + atStart + " -> " + atEnd);

            assertThat(rotated.result().succeeded()).as(rotated.log() + rotated.firstFailure()).isTrue();
            assertThat(atEnd).as("writes acknowledged during the rotation").isGreaterThan(atStart + 30);
            assertThat(writer.missing()).isEmpty();
            assertThat(writer.longestGap()).as("longest pause between acknowledged writes")
                    .isLessThan(Duration.ofSeconds(10));
        }
        for (LabHost host : lab.hosts()) {
            assertThat(PemCodec.parseCertificates(host.readFile(CA))).as(host.name()).containsExactly(newCa);
        }
        assertThat(ClusterPki.open(cluster.home, cluster.inventory().clusterName()).ca().certificate()).isEqualTo(newCa);
        assertThat(pki().resolve(CaRotationStore.TRUST_BUNDLE)).doesNotExist();
        try (var retired = Files.list(pki().resolve("retired"))) {
            Path kept = retired.findFirst().orElseThrow();
            assertThat(PemCodec.parseCertificate(Files.readString(kept.resolve("ca.pem")))).isEqualTo(oldCa);
            assertThat(kept.resolve("ca-key.pem")).exists();
        }
        InventoryReport report;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            report = new CertificateInventory(session.inventory(), session::remote, Duration.ofDays(30),
                    Clock.systemUTC()).collect(WorkstationStore.read(pki()));
            ClusterStatus status = LiveCluster.read(session).probe(session);
            assertThat(status.healthy()).as(status.sentence()).isTrue();
        }
        assertThat(report.clean()).as(report.certificates().stream().filter(CertificateRecord::needsAction).toList()
                .toString()).isTrue();
        assertThat(report.certificates()).filteredOn(r -> r.role() != CertificateRole.CA)
                .allSatisfy(r -> assertThat(r.details().map(CertificateDetails::issuer).orElseThrow())
                        .isEqualTo(newCa.getSubjectX500Principal().getName()));
    }

    @Test
    @Order(3)
    void anInterruptedRotationResumesWithTheSameNewCa() throws Exception {
        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(session -> CertPlans.rotateCa(session, RotateCaRequest.all()), cluster.ssh(),
                RunMode.APPLY, cancellation, event -> {
                    if (event instanceof RunEvent.StepFinished finished
                            && finished.title().startsWith("Make the new CA this workstation's CA")) {
                        cancellation.cancel();
                    }
                });
        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        X509Certificate second = ClusterPki.open(cluster.home, cluster.inventory().clusterName()).ca().certificate();
        for (LabHost host : lab.hosts()) {
            assertThat(PemCodec.parseCertificates(host.readFile(CA))).as(host.name()).hasSize(2).contains(second);
        }

        LabCluster.Outcome resumed = rotate(false);

        assertThat(resumed.result().succeeded()).as(resumed.log() + resumed.firstFailure()).isTrue();
        assertThat(resumed.log()).contains("the new CA " + second.getSubjectX500Principal().getName() + " exists");
        for (LabHost host : lab.hosts()) {
            assertThat(PemCodec.parseCertificates(host.readFile(CA))).as(host.name()).containsExactly(second);
        }
        assertThat(pki().resolve("rotation")).doesNotExist();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus status = LiveCluster.read(session).probe(session);
            assertThat(status.healthy()).as(status.sentence()).isTrue();
        }
    }

    /**
     * A member whose unit still says "activating" (systemd slow to see its READY=1) runs etcd with the CAs it read at
     * its start: the trust phase restarts it like an active one, rather than leave it on the old trust.
     */
    @Test
    @Order(4)
    void aMemberWhoseUnitSaysActivatingIsRestartedToLoadTheNewTrust() throws Exception {
        LabHost lab2 = lab.hosts().get(1);
        lab2.lateReady(Duration.ofMinutes(5));
        LabCluster.Outcome trusted;
        try {
            lab2.exec("systemctl restart --no-block etcd").requireOk("restart etcd on lab2");
            assertThat(Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200), RotateCaLabTest::healthy))
                    .as("healthy again after the restart").isTrue();
            assertThat(lab2.exec("systemctl is-active etcd").stdout()).isEqualTo("activating\n");

            // the restart the step runs waits for READY=1 as systemd's does: end the fault once it is asked for
            trusted = cluster.run(session -> CertPlans.rotateCa(session, new RotateCaRequest(false, Set.of(), true)),
                    cluster.ssh(), RunMode.APPLY, new Cancellation(), event -> {
                        if (event instanceof RunEvent.TargetOutput line && line.target().equals("lab2")
                                && line.line().startsWith("restarting etcd on lab2")) {
                            lab2.promptReady();
                        }
                    });
        } finally {
            lab2.promptReady();
        }

        assertThat(trusted.result().succeeded()).as(trusted.log() + trusted.firstFailure()).isTrue();
        X509Certificate third = PemCodec.parseCertificates(
                Files.readString(pki().resolve(CaRotationStore.TRUST_BUNDLE))).get(0);
        for (LabHost host : lab.hosts()) {
            assertThat(PemCodec.parseCertificates(host.readFile(CA))).as(host.name()).hasSize(2).contains(third);
        }
        assertThat(trusted.lines("lab2")).anyMatch(line -> line.startsWith("restarting etcd on lab2"));
        assertThat(Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200), RotateCaLabTest::healthy)).isTrue();
        assertThat(lab2.exec("systemctl is-active etcd").stdout()).isEqualTo("active\n");
    }

    /**
     * A member whose CA file holds another CA (rotated by hand, or from another workstation) would refuse whatever
     * this rotation issues: the run stops at its guard, naming the host and the CA it found, before anything changes.
     */
    @Test
    @Order(5)
    void aMemberTrustingAnotherCaStopsTheRotationBeforeAnythingChanges() throws Exception {
        LabHost lab2 = lab.hosts().get(1);
        String kept = lab2.readFile(CA);
        String lab1Before = lab.hosts().get(0).readFile(CA);
        String bundleBefore = Files.readString(pki().resolve(CaRotationStore.TRUST_BUNDLE));
        var foreign = TestCertificates.ca("someone-elses-ca", KeyAlgorithm.EC_P256, java.time.Instant.now()
                .minus(Duration.ofDays(1)), java.time.Instant.now().plus(Duration.ofDays(365)));
        LabCluster.Outcome refused;
        try {
            lab2.writeFile(CA, foreign.certificatePem());
            refused = rotate(false);
        } finally {
            lab2.writeFile(CA, kept);
        }

        assertThat(refused.result().succeeded()).isFalse();
        assertThat(refused.firstFailure()).contains("lab2: " + CA + " holds CN=someone-elses-ca",
                "not the CA this workstation replaces");
        assertThat(refused.result().summary().nothingChanged()).as(refused.log()).isTrue();
        assertThat(lab.hosts().get(0).readFile(CA)).isEqualTo(lab1Before);
        assertThat(Files.readString(pki().resolve(CaRotationStore.TRUST_BUNDLE))).isEqualTo(bundleBefore);
    }

    private static boolean healthy() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session).healthy();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
