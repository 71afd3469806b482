package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.CompactedRevision;
import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.intent.Intent;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.ProblemKind;
import dev.quorum.core.lifecycle.recover.RestoreLeftover;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disaster recovery on five lab hosts, one story in order: a cluster on lab1..lab3 with keys, a
 * snapshot, refusals that stop nothing (a damaged file, a cluster that still has quorum, also while every unit still
 * says "activating"), then
 * quorum lost for good (lab2 and lab3 gone) and the cluster restored onto lab1 plus the new hosts
 * lab4 and lab5, through an interrupted run finished by a re-run; then the survivor path, interrupted
 * once its members run and finished by a re-run.
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreLabTest {
    private static final int KEYS = 300;
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static SnapshotInfo snapshot;

    @BeforeAll
    static void installThreeWithKeys() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        try (KeyValues kv = keyValues()) {
            kv.put("before/", KEYS, 100);
        }
    }

    private static KeyValues keyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            List<String> endpoints = session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList();
            return new KeyValues(endpoints, session.pki().clientTls());
        }
    }

    private static LabHost host(String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static LabCluster.Outcome restore(RestoreRequest request) {
        return cluster.run(session -> RestorePlan.build(session, request, Duration.ofSeconds(60)));
    }

    private static List<String> activeEtcd() {
        return lab.hosts().stream().filter(h -> h.exec("systemctl is-active etcd").stdout().strip().equals("active"))
                .map(LabHost::name).toList();
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(), Duration.ofSeconds(2));
        }
    }

    @Test
    @Order(1)
    void savesASnapshotWithItsHashAndKeyCount() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "before the disaster", Optional.empty());
        }

        assertThat(snapshot.knownKeyCount()).contains((long) KEYS);
        assertThat(snapshot.members()).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
        assertThat(snapshot.etcdVersion()).startsWith(EtcdTarball.get().line() + ".");
        assertThat(SnapshotVerifier.verify(snapshot.file()).state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        assertThat(Files.isRegularFile(dev.quorum.core.snapshot.SnapshotStore.metadataFile(snapshot.file()))).isTrue();
    }

    @Test
    @Order(2)
    void aSnapshotWhoseHashDoesNotMatchIsRefusedBeforeAnythingIsStopped() throws Exception {
        Path damaged = dir.resolve("damaged.db");
        byte[] content = Files.readAllBytes(snapshot.file());
        content[content.length / 2] ^= 0x40;
        Files.write(damaged, content);

        LabCluster.Outcome refused = restore(RestoreRequest.fromSnapshot(damaged, false));

        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("damaged").contains("integrity hash mismatch")
                .contains("nothing was stopped");
        assertThat(activeEtcd()).containsExactly("lab1", "lab2", "lab3");
    }

    @Test
    @Order(3)
    void aClusterThatStillHasQuorumIsNotRestored() {
        LabCluster.Outcome refused = restore(RestoreRequest.fromSnapshot(snapshot.file(), false));

        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("still has quorum").contains("quorum replace");
        assertThat(activeEtcd()).containsExactly("lab1", "lab2", "lab3");
    }

    /**
     * Every unit says "activating" (restarted together while systemd is slow to see them ready) yet the cluster has
     * quorum: a unit that is not "inactive" or "failed" runs etcd, so the guard asks the cluster, which still has quorum.
     */
    @Test
    @Order(4)
    void aClusterWhoseUnitsAllSayActivatingIsAskedAndNotRestored() {
        List<LabHost> members = List.of(host("lab1"), host("lab2"), host("lab3"));
        members.forEach(h -> h.lateReady(Duration.ofMinutes(5)));
        try {
            members.forEach(h -> h.exec("systemctl restart --no-block etcd").requireOk("restart etcd on " + h.name()));
            // restarted together, each runs etcd's initial corruption check and peers asking it wait out their
            // request timeout (9 s) meanwhile: about 18 s on a quiet machine
            assertThat(healthyWithin(Duration.ofSeconds(90))).as("healthy again after the restart").isTrue();
            assertThat(members).allSatisfy(h -> assertThat(h.exec("systemctl is-active etcd").stdout())
                    .as(h.name()).isEqualTo("activating\n"));

            LabCluster.Outcome refused = restore(RestoreRequest.fromSnapshot(snapshot.file(), false));

            assertThat(refused.result().outcome()).as(refused.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.firstFailure()).contains("still has quorum");
        } finally {
            members.forEach(LabHost::promptReady);
        }
        assertThat(healthyWithin(Duration.ofSeconds(30))).isTrue();
        // each unit's supervisor notices the fault is gone on its next look (every 50 ms)
        assertThat(members).allSatisfy(h -> assertThat(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(100),
                () -> h.exec("systemctl is-active etcd").stdout().equals("active\n"))).as(h.name()).isTrue());
    }

    private static long heldAt(KeyValues member, String prefix) {
        try {
            return member.countHeld(prefix);
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean healthyWithin(Duration bound) {
        return Wait.until(bound, Duration.ofMillis(200), () -> status().healthy());
    }

    @Test
    @Order(5)
    void restoresOntoOneSurvivorAndTwoNewHostsEvenWhenInterrupted() throws Exception {
        try (KeyValues kv = keyValues()) {
            kv.put("after/", 20, 10);
        }
        for (String lost : List.of("lab2", "lab3")) {
            host(lost).exec("systemctl stop etcd; systemctl disable etcd").requireOk("stop etcd on " + lost);
            host(lost).wipe("/var/lib/etcd");
        }
        cluster.editInventory("        lab2:\n        lab3:\n", "        lab4:\n        lab5:\n");

        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(
                session -> RestorePlan.build(session, RestoreRequest.fromSnapshot(snapshot.file(), false),
                        Duration.ofSeconds(60)), cluster.ssh(), RunMode.APPLY, cancellation, event -> {
                    if (event instanceof RunEvent.StepFinished f && f.title().startsWith("Move the old data dir")) {
                        cancellation.cancel();
                    }
                });
        assertThat(interrupted.result().outcome()).as(interrupted.log() + interrupted.firstFailure())
                .isEqualTo(RunOutcome.CANCELLED);
        assertThat(activeEtcd()).as("stopped by the interrupted run").isEmpty();

        LabCluster.Outcome restored = restore(RestoreRequest.fromSnapshot(snapshot.file(), false));

        assertThat(restored.result().succeeded()).as(restored.log() + restored.firstFailure()).isTrue();
        long raised = snapshot.revision() + 1_000_000_000L;
        assertThat(restored.log()).contains(KEYS + " keys at revision " + raised + " (the snapshot's "
                + snapshot.revision() + " raised by 1000000000), as recorded");
        revisionsRaisedPast(snapshot.revision(), raised);
        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.memberList()).extracting(m -> m.name()).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
        try (KeyValues kv = keyValues()) {
            Map<String, byte[]> before = kv.read("before/");
            assertThat(before).hasSize(KEYS);
            assertThat(before.get(KeyValues.key("before/", 7))).isEqualTo(KeyValues.value(KeyValues.key("before/", 7), 100));
            assertThat(kv.read("after/")).as("written after the snapshot").isEmpty();
        }
        assertThat(host("lab1").exec("ls -d /var/lib/etcd.before-restore-*/member/snap").ok())
                .as("the survivor's old data kept aside").isTrue();
        for (String member : List.of("lab1", "lab4", "lab5")) {
            String env = host(member).readFile("/etc/etcd.env");
            assertThat(env).contains("ETCD_INITIAL_CLUSTER_STATE=existing")
                    .contains("etcd2=https://" + host("lab4").address() + ":2380");
            assertThat(host(member).readFile("/var/lib/etcd/" + RestoreMarker.FILE)).contains(snapshot.sha256());
        }
        assertThat(activeEtcd()).containsExactly("lab1", "lab4", "lab5");
        initialCheckBackOn(List.of("lab1", "lab4", "lab5"));
    }

    /**
     * Decision 0079: the restored cluster goes on past the old one's revisions, and every revision up to the
     * snapshot's raised one reads as compacted, so a watcher resuming from an old revision is told to list again.
     */
    private static void revisionsRaisedPast(long snapshotRevision, long raised) throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            assertThat(session.sharedEtcd().keyCount().get(10, TimeUnit.SECONDS).revision()).isGreaterThanOrEqualTo(raised);
            assertThatThrownBy(() -> session.sharedEtcd().keyCountAt(snapshotRevision).get(10, TimeUnit.SECONDS))
                    .as("the snapshot's own revision").satisfies(e -> assertThat(CompactedRevision.isCause(e)).isTrue());
            assertThat(session.sharedEtcd().keyCountAt(raised).get(10, TimeUnit.SECONDS).count()).isEqualTo(KEYS);
        }
        for (String member : List.of("lab1", "lab4", "lab5")) {
            assertThat(host(member).readFile("/var/lib/etcd/" + RestoreMarker.FILE)).contains("REVISION_BUMP=1000000000");
        }
    }

    /** As quorum diagnose sees the cluster (decision 0054: it reports a drop-in a restore left). */
    private static Diagnosis diagnose() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new Diagnoser(session).diagnose("hosts.yaml");
        }
    }

    /** The first start's drop-in (decision 0042) is gone, and what etcd reads at its next start keeps the check on. */
    private static void initialCheckBackOn(List<String> members) {
        for (String member : members) {
            LabHost host = host(member);
            assertThat(host.exec("ls -A " + InitialCheckDropIn.directory(ClusterLayout.MAIN) + " 2>/dev/null").stdout())
                    .as(member + "'s runtime drop-ins").doesNotContain(InitialCheckDropIn.NAME);
            assertThat(host.exec("systemctl cat etcd").stdout()).as(member).doesNotContain(InitialCheckDropIn.NAME);
            assertThat(host.readFile("/etc/etcd.env")).as(member)
                    .containsAnyOf("InitialCorruptCheck=true", "ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=true");
        }
    }

    @Test
    @Order(6)
    void aSecondRunAfterSuccessChangesNothing() {
        LabCluster.Outcome again = restore(RestoreRequest.fromSnapshot(snapshot.file(), false));

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(7)
    void restoresFromASurvivorsDatabaseWhenNoSnapshotHoldsTheLatestWrites() throws Exception {
        try (KeyValues kv = keyValues()) {
            kv.put("late/", 50, 10);
        }
        // the survivor holds every key it is restored from, once it has applied them (it may trail by a moment)
        try (ClusterSession session = cluster.session(cluster.ssh());
             KeyValues survivor = new KeyValues(List.of(session.inventory().etcdMembers().stream()
                     .filter(m -> m.hostName().equals("lab1")).findFirst().orElseThrow().clientUrl()),
                     session.pki().clientTls())) {
            assertThat(Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> heldAt(survivor, "late/") == 50))
                    .as("lab1 applied the 50 late keys").isTrue();
        }
        for (String lost : List.of("lab4", "lab5")) {
            host(lost).exec("systemctl stop etcd; systemctl disable etcd").requireOk("stop etcd on " + lost);
            host(lost).wipe("/var/lib/etcd");
        }

        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSurvivor("lab1"), Duration.ofSeconds(60)), cluster.ssh(), RunMode.APPLY, cancellation,
                event -> {
                    if (event instanceof RunEvent.StepFinished f && f.title().startsWith("Start etcd on all members")) {
                        cancellation.cancel();
                    }
                });
        assertThat(interrupted.result().outcome()).as(interrupted.log() + interrupted.firstFailure())
                .isEqualTo(RunOutcome.CANCELLED);
        assertThat(status().quorum()).as("the restored members already run").isTrue();
        for (String member : List.of("lab1", "lab4", "lab5")) {
            assertThat(host(member).readFile(InitialCheckDropIn.envPath(ClusterLayout.MAIN)))
                    .as("the first start's drop-in, left by the interrupted run on " + member)
                    .containsAnyOf("InitialCorruptCheck=false", "ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=false");
        }
        Diagnosis left = diagnose();
        assertThat(left.members()).as(left.sentence()).allSatisfy(m -> {
            assertThat(m.has(ProblemKind.RESTORE_DROP_IN)).as(m.host()).isTrue();
            assertThat(m.restoreLeftover().marker()).as(m.host()).isEqualTo(RestoreLeftover.Marker.UNFINISHED);
        });
        assertThat(left.actions()).as("finish the restore").anySatisfy(a -> assertThat(a.intent())
                .isInstanceOf(Intent.RestoreFromSnapshot.class));

        LabCluster.Outcome restored = restore(RestoreRequest.fromSurvivor("lab1"));

        assertThat(restored.result().succeeded()).as(restored.log() + restored.firstFailure()).isTrue();
        assertThat(restored.log()).contains("finishing the interrupted run").contains("no count was recorded");
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("before/")).hasSize(KEYS);
            assertThat(kv.read("late/")).as("written after the last snapshot, kept by the survivor").hasSize(50);
        }
        assertThat(status().healthy()).isTrue();
        initialCheckBackOn(List.of("lab1", "lab4", "lab5"));
        Diagnosis finished = diagnose();
        assertThat(finished.members()).as(finished.sentence()).allSatisfy(m -> {
            assertThat(m.has(ProblemKind.RESTORE_DROP_IN)).as(m.host()).isFalse();
            assertThat(m.restoreLeftover()).as(m.host()).isEqualTo(new RestoreLeftover(RestoreLeftover.DropIn.ABSENT,
                    RestoreLeftover.Marker.COMPLETED));
        });

        LabCluster.Outcome again = restore(RestoreRequest.fromSurvivor("lab1"));
        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(8)
    void aRestoreInterruptedAfterItsStartFinishesOnceTheClusterCompactedPastTheSnapshot() throws Exception {
        for (String lost : List.of("lab4", "lab5")) {
            host(lost).exec("systemctl stop etcd; systemctl disable etcd").requireOk("stop etcd on " + lost);
            host(lost).wipe("/var/lib/etcd");
        }
        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSnapshot(snapshot.file(), false), Duration.ofSeconds(60)), cluster.ssh(),
                RunMode.APPLY, cancellation, event -> {
                    if (event instanceof RunEvent.StepFinished f && f.title().startsWith("Start etcd on all members")) {
                        cancellation.cancel();
                    }
                });
        assertThat(interrupted.result().outcome()).as(interrupted.log() + interrupted.firstFailure())
                .isEqualTo(RunOutcome.CANCELLED);
        try (KeyValues kv = keyValues()) {
            kv.put("served/", 20, 10); // the restored cluster serves, then its history is compacted
        }
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            long current = session.sharedEtcd().keyCount().get(10, TimeUnit.SECONDS).revision();
            assertThat(current).isGreaterThan(snapshot.revision());
            session.sharedEtcd().compact(current).get(30, TimeUnit.SECONDS);
        }

        LabCluster.Outcome finished = restore(RestoreRequest.fromSnapshot(snapshot.file(), false));

        assertThat(finished.result().succeeded()).as(finished.log() + finished.firstFailure()).isTrue();
        assertThat(finished.log()).contains("the restore raised the revisions by 1000000000, so the " + KEYS
                + " keys recorded at revision " + snapshot.revision() + " cannot be counted again there");
        assertThat(status().healthy()).isTrue();
        initialCheckBackOn(List.of("lab1", "lab4", "lab5"));
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("before/")).hasSize(KEYS);
            assertThat(kv.read("served/")).as("written after the restore's start").hasSize(20);
        }
        Diagnosis after = diagnose();
        assertThat(after.members()).as(after.sentence()).allSatisfy(m -> assertThat(m.restoreLeftover())
                .as(m.host()).isEqualTo(new RestoreLeftover(RestoreLeftover.DropIn.ABSENT,
                        RestoreLeftover.Marker.COMPLETED)));
    }
}
