package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.lifecycle.steps.OfflineTool;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore (quorum lost for good) against host faults, on three lab hosts restored in place. Each
 * cell loses quorum (etcd stopped on lab2 and lab3), breaks one host during the restore, checks
 * the run stops with a reason, heals the fault and runs again: the re-run completes, every key of
 * the snapshot is back, and the old data dirs are kept aside, never deleted.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostFaultsRestoreLabTest {
    private static final int KEYS = 100;
    private static final String RESTORE_STEP = "Restore the snapshot into each member's data dir";
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

    @AfterEach
    void heal() {
        lab.hosts().forEach(h -> {
            h.healLink();
            h.freeDisk("/var/tmp");
        });
    }

    /** Writes this cell's keys, saves a snapshot of them, then stops etcd on two of three members. */
    private static SnapshotInfo snapshotThenLoseQuorum(String prefix) throws Exception {
        try (KeyValues kv = keyValues()) {
            kv.put(prefix, KEYS, 100);
        }
        SnapshotInfo snapshot;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "before " + prefix, Optional.empty());
        }
        for (LabHost lost : List.of(lab.host(1), lab.host(2))) {
            lost.exec("systemctl stop etcd").requireOk("stop etcd on " + lost.name());
        }
        return snapshot;
    }

    private static KeyValues keyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                    session.pki().clientTls());
        }
    }

    private static LabCluster.Outcome restore(SnapshotInfo snapshot, RunListener listener) {
        return cluster.run(session -> RestorePlan.build(session, RestoreRequest.fromSnapshot(snapshot.file(), false),
                Duration.ofSeconds(60)), cluster.ssh(), RunMode.APPLY, new Cancellation(), listener);
    }

    /** The binary that runs {@code snapshot restore} on the hosts: held at its start, it is caught every time. */
    private static String offlineTool() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return OfflineTool.forRelease(session.inventory().etcd(), Optional.empty()).path();
        }
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(), Duration.ofSeconds(2));
        }
    }

    private static List<String> activeEtcd() {
        return lab.hosts().stream().filter(h -> h.exec("systemctl is-active etcd").stdout().strip().equals("active"))
                .map(LabHost::name).toList();
    }

    private static int asideCopies(LabHost host) {
        return (int) host.exec("ls -d /var/lib/etcd.before-restore-*/member 2>/dev/null").stdout().lines().count();
    }

    /** The re-run after healing: healthy, the cell's keys all there, every earlier aside copy still there. */
    private static void rerunCompletes(SnapshotInfo snapshot, String prefix, Map<LabHost, Integer> asideBefore)
            throws Exception {
        LabCluster.Outcome again = restore(snapshot, event -> { });

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(activeEtcd()).containsExactly("lab1", "lab2", "lab3");
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read(prefix)).hasSize(KEYS);
        }
        asideBefore.forEach((host, count) -> assertThat(asideCopies(host))
                .as("old data dirs kept aside on " + host.name()).isGreaterThanOrEqualTo(count + 1));
    }

    private static Map<LabHost, Integer> asideNow() {
        return Map.of(lab.host(0), asideCopies(lab.host(0)), lab.host(1), asideCopies(lab.host(1)),
                lab.host(2), asideCopies(lab.host(2)));
    }

    @Test
    @Order(1)
    void aFullVarTmpIsRefusedBeforeAnyEtcdIsStopped() throws Exception {
        SnapshotInfo snapshot = snapshotThenLoseQuorum("full-tmp/");
        Map<LabHost, Integer> aside = asideNow();
        lab.host(1).fillDisk("/var/tmp");

        LabCluster.Outcome refused = restore(snapshot, event -> { });

        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).as(refused.log()).contains("lab2").contains("/var/tmp")
                .contains("free room");
        assertThat(activeEtcd()).as("the survivor was not stopped for a restore that cannot go on")
                .containsExactly("lab1");
        assertThat(asideNow()).as("no data dir moved").isEqualTo(aside);

        lab.host(1).freeDisk("/var/tmp");
        rerunCompletes(snapshot, "full-tmp/", aside);
    }

    @Test
    @Order(2)
    void anSshDropWhileTheSnapshotIsRestoredStopsTheRunAndARerunFinishes() throws Exception {
        SnapshotInfo snapshot = snapshotThenLoseQuorum("ssh-drop/");
        Map<LabHost, Integer> aside = asideNow();
        LabHost victim = lab.host(2);
        MidCommand.Injection watcher = MidCommand.during(RESTORE_STEP, victim, offlineTool(),
                () -> MidCommand.dropSsh(victim));
        LabCluster.Outcome dropped = restore(snapshot, watcher);

        assertThat(watcher.caught()).as("the restore command was caught running").isTrue();
        assertThat(dropped.result().outcome()).as(dropped.log()).isEqualTo(RunOutcome.FAILED);
        assertThat(dropped.firstFailure()).as(dropped.log()).startsWith("lab3: ")
                .contains("The SSH connection to lab3 failed").contains("re-run");

        rerunCompletes(snapshot, "ssh-drop/", aside);
    }

    @Test
    @Order(3)
    void aHostThatDiesWhileTheSnapshotIsRestoredStopsTheRunAndARerunFinishes() throws Exception {
        SnapshotInfo snapshot = snapshotThenLoseQuorum("host-dies/");
        Map<LabHost, Integer> aside = asideNow();
        LabHost victim = lab.host(2);
        AtomicReference<Long> cutAt = new AtomicReference<>();
        MidCommand.Injection watcher = MidCommand.during(RESTORE_STEP, victim, offlineTool(), () -> {
            victim.cutLink();
            cutAt.set(System.nanoTime());
        });
        LabCluster.Outcome died = restore(snapshot, watcher);
        assertThat(watcher.caught()).as("the restore command was caught running").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - cutAt.get());
        assertThat(died.result().outcome()).as(died.log()).isEqualTo(RunOutcome.FAILED);
        assertThat(died.firstFailure()).as(died.log()).startsWith("lab3: ");
        // SSH keep-alives notice the vanished host (20 s), not the restore's own 15 min timeout.
        assertThat(died.firstFailure()).contains("keep-alive").contains("re-run");
        assertThat(took).as("from the cut to the end of the run: keep-alives, not the 15 min command timeout")
                .isLessThan(Duration.ofMinutes(2));

        victim.healLink();
        rerunCompletes(snapshot, "host-dies/", aside);
    }
}
