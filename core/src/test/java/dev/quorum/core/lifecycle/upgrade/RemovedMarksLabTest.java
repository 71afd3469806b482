package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0067 on real etcd: a quiet cluster born on 3.4 that goes to 3.5 without the snapshot first (its marker
 * set by hand, as if the hop had been made before Quorum took one, or by another tool) carries members marked
 * removed in every member's v3 store; the 3.5 -> 3.6 guard reads them over SSH and refuses, naming them, with
 * nothing changed. What the refusal advises works: after a restore from a fresh snapshot (new member IDs, a v3 store
 * without marks) the same upgrade goes through.
 */
@LabHosts(count = 3)
class RemovedMarksLabTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @Test
    void aClusterMarkedOn35IsRefusedBefore36WithNothingChangedUntilRestored() throws Exception {
        LabCluster cluster = new LabCluster(lab, dir, UpgradeLabTest.vars(EtcdTarball.require("3.4")), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        for (LabHost host : lab.hosts()) {
            host.exec("touch /var/lib/etcd/quorum-snapshot-on-3.4").requireOk("skip the snapshot on " + host.name());
        }
        UpgradeLabTest.point(cluster, EtcdTarball.require("3.5"));
        LabCluster.Outcome to35 = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));
        assertThat(to35.result().succeeded()).as(to35.log()).isTrue();

        UpgradeLabTest.point(cluster, EtcdTarball.require("3.6"));
        String before = fingerprint();
        LabCluster.Outcome refused = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));

        System.out.println("REMOVED MARKS REFUSAL: " + refused.firstFailure());
        assertThat(refused.result().succeeded()).isFalse();
        assertThat(refused.firstFailure()).as(refused.log())
                .contains("current members are marked removed in the v3 store of 3.5 members")
                .contains("on etcd1: ").contains("would refuse them").contains("--roll-back-live-cluster");
        assertThat(fingerprint()).isEqualTo(before);

        // What the refusal advises: a fresh membership from a snapshot; then 3.6 goes through.
        UpgradeLabTest.point(cluster, EtcdTarball.require("3.5"));
        SnapshotInfo snapshot;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "fresh-membership", Optional.empty());
        }
        LabCluster.Outcome restored = cluster.run(s -> RestorePlan.build(s,
                RestoreRequest.fromSnapshot(snapshot.file(), false).rollingBackLiveCluster()));
        assertThat(restored.result().succeeded()).as(restored.log()).isTrue();
        UpgradeLabTest.point(cluster, EtcdTarball.require("3.6"));
        LabCluster.Outcome to36 = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));
        assertThat(to36.result().succeeded()).as(to36.log()).isTrue();
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("/usr/local/bin/etcd --version").stdout()).contains("etcd Version: 3.6.");
        }
    }

    /** What a refused upgrade must leave as it was: binaries, env files, kept releases, running etcd. */
    static String fingerprint() {
        StringBuilder text = new StringBuilder();
        for (LabHost host : lab.hosts()) {
            text.append(host.name()).append(": ").append(host.exec("sha256sum /usr/local/bin/etcd /etc/etcd.env; "
                    + "ls /usr/local/bin /var/backups/quorum 2>&1; systemctl is-active etcd").stdout()).append('\n');
        }
        return text.toString();
    }
}
