package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.TlsFiles;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.labtest.LabKv;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RenewalRequest;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix's "cancel mid-run" column for renew, compact and defrag on three lab hosts:
 * each is cancelled right after a step that changed something, must leave a healthy cluster and
 * a run reported cancelled with the rest skipped, and the same plan run again must finish it.
 * A writer runs throughout and loses no acknowledged write.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CancelMidRunMaintenanceLabTest {
    private static final String MEMBER_CERTS = "sha256sum /etc/ssl/etcd/ssl/member-*.pem";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static ContinuousWriter writer;

    @BeforeAll
    static void installAndStartAWriter() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        writer = new ContinuousWriter(endpoints(), tls());
        writer.awaitAcknowledged(30, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopTheWriter() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    private static List<String> endpoints() {
        return lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
    }

    private static TlsFiles tls() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return session.pki().clientTls();
        }
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    /** Healthy with all three members, and every write acknowledged so far is there. */
    private static void healthy(String when) throws Exception {
        ClusterStatus status = status();
        assertThat(status.healthy()).as(when + ": " + status.sentence()).isTrue();
        assertThat(status.members()).as(when).hasSize(3);
        int acknowledged = writer.acknowledgedCount();
        writer.awaitAcknowledged(acknowledged + 10, Duration.ofSeconds(10));
        assertThat(writer.acknowledgedCount()).as(when + ": the writer goes on").isGreaterThan(acknowledged);
        assertThat(writer.missing()).as(when + ": acknowledged writes the cluster does not have").isEmpty();
    }

    private static void cancelledWithTheRestSkipped(LabCluster.Outcome interrupted) {
        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(interrupted.result().summary().skipped()).as("the rest is reported skipped").isPositive();
    }

    private static List<String> memberCertificates() {
        return lab.hosts().stream().map(h -> h.exec(MEMBER_CERTS).stdout().strip()).toList();
    }

    @Test
    @Order(1)
    void renewCancelledAfterTheFirstMemberServesItsNewCertificateIsFinishedByARerun() throws Exception {
        List<String> before = memberCertificates();
        LabCluster.PlanFactory renewAll = session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), true, Duration.ofDays(30)));

        LabCluster.Outcome interrupted = CancelAfter.step(cluster, renewAll,
                title -> title.startsWith("Make etcd serve the new certificate"));

        cancelledWithTheRestSkipped(interrupted);
        List<String> halfway = memberCertificates();
        assertThat(List.of(0, 1, 2).stream().filter(i -> !halfway.get(i).equals(before.get(i))).count())
                .as("one member renewed, the others not yet: " + interrupted.log()).isEqualTo(1);
        healthy("after the cancelled renewal");

        LabCluster.Outcome rerun = cluster.run(renewAll);

        assertThat(rerun.result().succeeded()).as(rerun.log() + rerun.firstFailure()).isTrue();
        List<String> after = memberCertificates();
        assertThat(List.of(0, 1, 2)).allSatisfy(i -> assertThat(after.get(i)).isNotEqualTo(before.get(i)));
        healthy("after the re-run");
    }

    @Test
    @Order(2)
    void compactCancelledAfterItsSnapshotIsFinishedByARerun() throws Exception {
        long oldRevision;
        try (LabKv kv = new LabKv(endpoints(), tls())) {
            oldRevision = kv.put("history/key", "first");
            for (int i = 0; i < 30; i++) {
                kv.put("history/key", "v" + i);
            }
            LabCluster.PlanFactory compact = session -> MaintenancePlans.compact(session, CompactRequest.keep(10));

            LabCluster.Outcome interrupted = CancelAfter.step(cluster, compact,
                    title -> title.startsWith("Take a snapshot"));

            cancelledWithTheRestSkipped(interrupted);
            assertThat(kv.getAt("history/key", oldRevision)).as("not compacted yet").contains("first");
            healthy("after the cancelled compaction");

            LabCluster.Outcome rerun = cluster.run(compact);

            assertThat(rerun.result().succeeded()).as(rerun.log() + rerun.firstFailure()).isTrue();
            assertThatThrownBy(() -> kv.getAt("history/key", oldRevision)).hasStackTraceContaining("compacted");
            assertThat(kv.get("history/key")).contains("v29");
        }
        healthy("after the re-run");
    }

    @Test
    @Order(3)
    void defragCancelledAfterTheFirstMemberIsFinishedByARerun() throws Exception {
        try (LabKv kv = new LabKv(endpoints(), tls())) {
            // Free pages to reclaim on every member: values written, deleted, and their history compacted.
            String value = "x".repeat(64 * 1024);
            for (int i = 0; i < 60; i++) {
                kv.put("bulk/" + i, value);
            }
            kv.deletePrefix("bulk/");
        }
        LabCluster.Outcome compacted = cluster.run(session -> MaintenancePlans.compact(session, CompactRequest.keep(0)));
        assertThat(compacted.result().succeeded()).as(compacted.log() + compacted.firstFailure()).isTrue();
        LabCluster.PlanFactory defrag = session -> MaintenancePlans.defrag(session, new DefragRequest(1));

        LabCluster.Outcome interrupted = CancelAfter.step(cluster, defrag, title -> title.startsWith("Defragment "));

        cancelledWithTheRestSkipped(interrupted);
        assertThat(CancelAfter.started(interrupted).stream().filter(t -> t.startsWith("Defragment "))).hasSize(1);
        healthy("after the cancelled defragmentation");

        LabCluster.Outcome rerun = cluster.run(defrag);

        assertThat(rerun.result().succeeded()).as(rerun.log() + rerun.firstFailure()).isTrue();
        assertThat(CancelAfter.started(rerun).stream().filter(t -> t.startsWith("Defragment "))).hasSize(3);
        healthy("after the re-run");
        writer.stop();
        assertThat(writer.missing()).as("every write acknowledged in this class, once the writer stopped").isEmpty();
    }
}
