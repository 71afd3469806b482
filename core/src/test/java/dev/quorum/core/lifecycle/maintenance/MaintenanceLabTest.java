package dev.quorum.core.lifecycle.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.etcd.TlsFiles;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.labtest.LabKv;
import dev.quorum.core.labtest.RawAlarms;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance on three lab hosts installed with a small backend quota (etcd_quota_backend_bytes):
 * history grows and is compacted (old revisions refused, current values kept), members are
 * defragmented one at a time under a writer that loses nothing, and a filled quota raises NOSPACE,
 * which is not disarmed while its cause remains and is cured by delete + compact + defrag + disarm.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceLabTest {
    static final long QUOTA = 24L * 1024 * 1024;
    static final DefragRequest ONE_MIB = new DefragRequest(1024 * 1024);
    static final String VALUE = "x".repeat(16 * 1024);

    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static LabKv kv;
    static long oldRevision;

    @BeforeAll
    static void installWithASmallQuota() {
        cluster = new LabCluster(lab, dir, Map.of("etcd_quota_backend_bytes", Long.toString(QUOTA)));
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        kv = new LabKv(endpoints(), tls());
    }

    @AfterAll
    static void closeClient() {
        if (kv != null) {
            kv.close();
        }
    }

    static List<String> endpoints() {
        return lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
    }

    static TlsFiles tls() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return session.pki().clientTls();
        }
    }

    static SpaceReport space() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return SpaceReport.read(session);
        }
    }

    static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    @Test
    @Order(1)
    void theQuotaReachesEveryMembersEnvFile() {
        lab.hosts().forEach(h -> assertThat(h.readFile("/etc/etcd.env")).contains("ETCD_QUOTA_BACKEND_BYTES=" + QUOTA));
        assertThat(space().members()).hasSize(3).allMatch(m -> m.quotaBytes() == QUOTA && m.alarms().isEmpty());
    }

    @Test
    @Order(2)
    void compactionDropsOldRevisionsAndKeepsCurrentValues() throws Exception {
        oldRevision = kv.put("history/0", "first");
        for (int round = 0; round < 6; round++) {
            for (int key = 0; key < 100; key++) {
                kv.put("history/" + key, round + VALUE);
            }
        }
        kv.put("history/0", "last");
        assertThat(kv.getAt("history/0", oldRevision)).contains("first");

        LabCluster.Outcome compacted = cluster.run(session -> MaintenancePlans.compact(session, CompactRequest.keep(10)));

        assertThat(compacted.result().succeeded()).as(compacted.log() + compacted.firstFailure()).isTrue();
        assertThatThrownBy(() -> kv.getAt("history/0", oldRevision)).hasStackTraceContaining("has been compacted");
        assertThat(kv.get("history/0")).contains("last");
        assertThat(kv.get("history/99")).contains("5" + VALUE);
        assertThat(cluster.home.snapshots(cluster.inventory().clusterName()).toFile().list())
                .anyMatch(f -> f.contains("before-compact") && f.endsWith(".db"));
    }

    @Test
    @Order(3)
    void compactingAgainOrToAnOldRevisionChangesNothingAndTheFutureIsRefused() throws Exception {
        LabCluster.Outcome again = cluster.run(session -> MaintenancePlans.compact(session, CompactRequest.to(oldRevision)));
        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
        assertThat(again.log()).contains("already compacted");

        assertThatThrownBy(() -> cluster.run(session -> MaintenancePlans.compact(session,
                CompactRequest.to(space().revision() + 1000))))
                .isInstanceOf(MaintenanceException.class).hasMessageContaining("in the future");
    }

    @Test
    @Order(4)
    void defragmentsEveryMemberOneAtATimeLeaderLastWhileAWriterLosesNothing() throws Exception {
        LabCluster.Outcome defragged;
        SpaceReport before;
        String leader;
        try (ContinuousWriter writer = new ContinuousWriter(endpoints(), tls())) {
            writer.awaitAcknowledged(20, Duration.ofSeconds(10));
            // etcd counts the pages a compaction freed only after later backend commits: the writer's.
            before = awaitReclaimable(ONE_MIB.minReclaimBytes());
            leader = before.members().stream().filter(MemberSpace::leader).findFirst().orElseThrow().memberName();
            defragged = cluster.run(session -> MaintenancePlans.defrag(session, ONE_MIB));
            int acknowledged = writer.acknowledgedCount();
            writer.awaitAcknowledged(acknowledged + 20, Duration.ofSeconds(10));
            writer.stop();
            assertThat(writer.missing()).isEmpty();
        }

        assertThat(defragged.result().succeeded()).as(defragged.log() + defragged.firstFailure()).isTrue();
        List<String> order = defragged.events().stream()
                .filter(e -> e instanceof dev.quorum.core.engine.RunEvent.StepFinished)
                .map(e -> ((dev.quorum.core.engine.RunEvent.StepFinished) e).title())
                .filter(t -> t.startsWith("Defragment ")).toList();
        assertThat(order).hasSize(3).last().asString().contains(leader).contains("the leader, last");
        SpaceReport after = space();
        for (MemberSpace member : after.members()) {
            long was = before.members().stream().filter(m -> m.memberName().equals(member.memberName()))
                    .findFirst().orElseThrow().dbSize();
            assertThat(member.dbSize()).as(member.memberName() + " " + member.sizes()).isLessThan(was);
            assertThat(defragged.log()).contains(member.memberName() + ": db " + Bytes.human(was) + " -> ");
        }
        assertThat(status().healthy()).as(status().sentence()).isTrue();

        LabCluster.Outcome again = cluster.run(session -> MaintenancePlans.defrag(session, ONE_MIB));
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
        assertThat(again.log()).contains("nothing to reclaim");
    }

    @Test
    @Order(5)
    void defragmentingWhileAMemberIsDownIsRefusedAndTouchesNoMember() throws Exception {
        LabHost down = lab.hosts().get(2);
        down.exec("systemctl stop etcd").requireOk("stop etcd");
        try {
            LabCluster.Outcome refused = cluster.run(session -> MaintenancePlans.defrag(session, new DefragRequest(0)));
            assertThat(refused.result().outcome()).as(refused.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.firstFailure()).contains("is not healthy").contains("bring");
            assertThat(refused.log()).doesNotContain("defragmenting ");
        } finally {
            down.exec("systemctl start etcd").requireOk("start etcd");
        }
        awaitHealthy();
    }

    @Test
    @Order(6)
    void aCorruptAlarmIsListedAndRefusedWithAdviceToReseed() throws Exception {
        MemberSpace follower = space().members().stream().filter(m -> !m.leader()).findFirst().orElseThrow();
        RawAlarms.activate(endpoints().get(0), tls(), follower.memberId(), RawAlarms.CORRUPT);
        try {
            SpaceReport listed = space();
            assertThat(listed.alarms()).containsExactly(new EtcdAlarm(follower.memberId(), EtcdAlarm.Kind.CORRUPT));
            assertThat(listed.members()).filteredOn(m -> m.memberName().equals(follower.memberName()))
                    .allMatch(m -> m.has(EtcdAlarm.Kind.CORRUPT));

            LabCluster.Outcome compact = cluster.run(session -> MaintenancePlans.compact(session, CompactRequest.keep(0)));
            assertThat(compact.result().outcome()).as(compact.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(compact.firstFailure()).contains(follower.memberName() + " has a CORRUPT alarm")
                    .contains("quorum recover");
            assertThat(compact.log()).doesNotContain("compacting");

            LabCluster.Outcome disarm = cluster.run(session -> new dev.quorum.core.engine.Plan("disarm", "lab",
                    MaintenancePlans.disarm(session).steps().subList(1, 2)));
            assertThat(disarm.result().outcome()).as(disarm.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(disarm.firstFailure()).contains("CORRUPT alarm, which Quorum does not disarm")
                    .contains("quorum recover");
            assertThat(space().any(EtcdAlarm.Kind.CORRUPT)).isTrue();
        } finally {
            RawAlarms.deactivate(endpoints().get(0), tls(), follower.memberId(), RawAlarms.CORRUPT);
        }
        assertThat(space().alarms()).isEmpty();
        awaitHealthy();
    }

    @Test
    @Order(7)
    void aFullQuotaRaisesNospaceWhichIsDisarmedOnlyOnceItsCauseIsGone() throws Exception {
        String filler = "f".repeat(200 * 1024);
        Optional<String> refusal = Optional.empty();
        for (int i = 0; i < 400 && refusal.isEmpty(); i++) {
            try {
                kv.put("fill/" + i, filler);
            } catch (Exception e) {
                refusal = Optional.of(String.valueOf(e.getMessage()));
            }
        }
        assertThat(refusal).as("a write refused once the quota is full").isPresent();
        assertThat(refusal.get()).contains("database space exceeded");
        assertThat(space().alarms()).anyMatch(a -> a.kind() == EtcdAlarm.Kind.NOSPACE);

        LabCluster.Outcome refused = cluster.run(MaintenancePlans::disarm);
        assertThat(refused.result().outcome()).as(refused.log()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("cannot be disarmed yet").contains("quota");
        assertThat(space().any(EtcdAlarm.Kind.NOSPACE)).isTrue();

        LabCluster.Outcome preview = cluster.run(session -> MaintenancePlans.recoverSpace(session,
                CompactRequest.keep(0), ONE_MIB), cluster.ssh(), RunMode.PREVIEW,
                new dev.quorum.core.engine.Cancellation(), event -> { });
        assertThat(preview.result().succeeded()).as(preview.log() + preview.firstFailure()).isTrue();

        assertThat(kv.deletePrefix("fill/")).isPositive();
        LabCluster.Outcome cured = cluster.run(session -> MaintenancePlans.recoverSpace(session,
                CompactRequest.keep(0), ONE_MIB));

        assertThat(cured.result().succeeded()).as(cured.log() + cured.firstFailure()).isTrue();
        assertThat(space().alarms()).isEmpty();
        kv.put("after/nospace", "works");
        assertThat(kv.get("after/nospace")).contains("works");
        assertThat(space().members()).allMatch(m -> m.dbSize() < QUOTA / 2);
        awaitHealthy();
    }

    static SpaceReport awaitReclaimable(long bytes) throws InterruptedException {
        SpaceReport report = space();
        for (int i = 0; i < 75 && !report.members().stream().allMatch(m -> m.reclaimable() >= bytes); i++) {
            TimeUnit.MILLISECONDS.sleep(200);
            report = space();
        }
        assertThat(report.members()).as("reclaimable after the compaction").allMatch(m -> m.reclaimable() >= bytes);
        return report;
    }

    static void awaitHealthy() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (status().healthy()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("not healthy: " + status().sentence());
    }
}
