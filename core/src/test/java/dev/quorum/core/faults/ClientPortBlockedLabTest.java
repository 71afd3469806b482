package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.RecoverPlan;
import dev.quorum.core.lifecycle.recover.RecoverRequest;
import dev.quorum.core.lifecycle.recover.Verdict;
import dev.quorum.core.snapshot.SnapshotInfo;
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
 * A healthy cluster whose client port is blocked from the workstation only (SSH still works, the
 * members reach each other): restore and recover must not mistake "cannot connect from here" for
 * "quorum lost". They refuse, say what could not be reached, and change nothing: the same etcd
 * processes run, the same member IDs, and a write made after the snapshot is still there.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientPortBlockedLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static SnapshotInfo snapshot;
    static List<Long> memberIds;

    @BeforeAll
    static void installSnapshotThenWriteMore() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "before the firewall", Optional.empty());
        }
        try (KeyValues kv = keyValues()) {
            kv.put("after-snapshot/", 10, 10);
        }
        memberIds = status().memberList().stream().map(m -> m.id()).sorted().toList();
        lab.hosts().forEach(h -> h.blockFromTool(2379));
    }

    @AfterAll
    static void unblock() {
        if (lab != null) {
            lab.hosts().forEach(LabHost::unblockFromTool);
        }
    }

    private static KeyValues keyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                    session.pki().clientTls());
        }
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(), Duration.ofSeconds(3));
        }
    }

    private static List<String> etcdPids() {
        return lab.hosts().stream().map(h -> h.name() + ":" + h.exec("pgrep -x etcd").stdout().strip()).toList();
    }

    @Test
    @Order(1)
    void theMembersOwnHostsStillShowAHealthyClusterWhileTheWorkstationSeesNone() throws Exception {
        ClusterStatus fromHere = status();
        assertThat(fromHere.quorum()).as("the workstation reaches no client port").isFalse();
        assertThat(fromHere.sentence()).as("no answer is not called quorum lost")
                .startsWith("unknown: no member answered this workstation");
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            Diagnosis d = new Diagnoser(session).diagnose("hosts.yaml");
            assertThat(d.verdict()).as(d.sentence()).isEqualTo(Verdict.HEALTHY);
            assertThat(d.hasQuorum()).isTrue();
        }
    }

    @Test
    @Order(2)
    void restoreRefusesAndChangesNothing() throws Exception {
        List<String> pids = etcdPids();

        LabCluster.Outcome refused = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSnapshot(snapshot.file(), false), Duration.ofSeconds(30)));

        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("still has quorum").contains("as their own hosts report")
                .contains("Nothing was changed").contains("cannot reach etcd's client port on lab1 (")
                .contains("not lost quorum");
        assertThat(etcdPids()).as("no etcd was stopped or restarted").isEqualTo(pids);
        assertThat(lab.hosts()).allSatisfy(h -> assertThat(h.exec("ls -d /var/lib/etcd.before-restore-* 2>/dev/null")
                .stdout()).as("no data dir moved aside on " + h.name()).isBlank());
    }

    @Test
    @Order(3)
    void recoverRefusesSayingTheClientPortCouldNotBeReached() {
        List<String> pids = etcdPids();

        LabCluster.Outcome refused = cluster.run(session -> RecoverPlan.build(session, RecoverRequest.of("hosts.yaml")).plan());

        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("cannot reach etcd's client port on lab1 (")
                .contains(":2379: timed out").contains("nothing was changed");
        assertThat(etcdPids()).isEqualTo(pids);
    }

    @Test
    @Order(4)
    void onceUnblockedEveryWriteIsThereAndTheMembersAreTheSame() throws Exception {
        lab.hosts().forEach(LabHost::unblockFromTool);

        assertThat(status().memberList().stream().map(m -> m.id()).sorted().toList()).isEqualTo(memberIds);
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("after-snapshot/")).as("written after the snapshot, never rolled back").hasSize(10);
        }
    }
}
