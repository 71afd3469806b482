package dev.quorum.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.core.lifecycle.members.Reseed;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
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
 * The data dir layouts operators really have, on three lab hosts: lab1's data dir is a mount
 * point (a disk of its own, here a tmpfs), lab2's a symlink to /srv/etcd-data, lab3's a plain
 * directory. Every step that sets data aside keeps the old data and leaves the layout as it was:
 * remove and add back (lab2), re-seed (lab1, first refused while a process holds its data dir),
 * and a restore across all three.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataDirLayoutsLabTest {
    private static final String DATA = "/var/lib/etcd";
    private static final String TARGET = "/srv/etcd-data";
    private static final int KEYS = 100;
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void installOnAMountPointASymlinkAndAPlainDir() throws Exception {
        // 2 GiB is a limit, not memory used: preflight wants 1 GiB free for the data dir.
        lab.host(0).exec("mkdir -p " + DATA + " && mount -t tmpfs -o size=2g,mode=0700 quorum-data " + DATA)
                .requireOk("mount a file system on lab1's data dir");
        lab.host(1).exec("rm -rf " + DATA + " && mkdir -p -m 0700 " + TARGET + " && ln -s " + TARGET + " " + DATA)
                .requireOk("symlink lab2's data dir");
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        try (KeyValues kv = keyValues()) {
            kv.put("before/", KEYS, 100);
        }
        assertThat(lab.host(0).exec("test -d " + DATA + "/member && mountpoint -q " + DATA).ok()).isTrue();
        assertThat(lab.host(1).exec("test -d " + TARGET + "/member").ok()).isTrue();
    }

    private static KeyValues keyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            List<String> endpoints = session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList();
            return new KeyValues(endpoints, session.pki().clientTls());
        }
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    private static void assertHealthyWithKeys(int members) throws Exception {
        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.memberList()).hasSize(members);
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("before/")).hasSize(KEYS);
        }
    }

    private static boolean ok(LabHost host, String command) {
        return host.exec(command).ok();
    }

    private static void assertSymlinkIntact() {
        LabHost lab2 = lab.host(1);
        assertThat(lab2.exec("readlink " + DATA).stdout().strip()).isEqualTo(TARGET);
        assertThat(lab2.exec("stat -c %a " + TARGET).stdout().strip()).isEqualTo("700");
    }

    @Test
    @Order(1)
    void removingASymlinkedMemberSetsTheTargetAsideAndKeepsTheLink() throws Exception {
        LabCluster.Outcome removed = cluster.run(session -> MemberPlans.remove(session, new RemoveRequest("lab2")).plan());

        assertThat(removed.result().succeeded()).as(removed.log() + removed.firstFailure()).isTrue();
        assertThat(removed.log()).contains("the data dir is a symlink to " + TARGET);
        LabHost lab2 = lab.host(1);
        assertThat(ok(lab2, "ls -d " + TARGET + ".removed-*/member/snap/db")).as("old data kept").isTrue();
        assertSymlinkIntact();
        assertThat(lab2.exec("ls -A " + TARGET).stdout()).as("the link's target is empty").isBlank();

        LabCluster.Outcome added = cluster.run(session -> MemberPlans.add(session, new AddRequest("lab2")).plan());

        assertThat(added.result().succeeded()).as(added.log() + added.firstFailure()).isTrue();
        assertSymlinkIntact();
        assertThat(ok(lab2, "test -d " + TARGET + "/member")).as("the new member writes through the link").isTrue();
        assertHealthyWithKeys(3);
    }

    @Test
    @Order(2)
    void reseedingAMountPointSetsTheDataAsideInsideItButNotWhileSomethingHoldsIt() throws Exception {
        LabHost lab1 = lab.host(0);
        String holder = lab1.exec("sleep 600 < " + DATA + "/member/snap/db > /dev/null 2>&1 & echo $!")
                .requireOk("start a process holding the data dir").stdout().strip();
        try {
            LabCluster.Outcome refused = reseed("lab1");

            assertThat(refused.result().outcome()).as(refused.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.firstFailure()).contains("processes still use " + DATA).contains("(sleep)")
                    .contains("nothing was moved");
            assertThat(ok(lab1, "test -f " + DATA + "/member/snap/db")).as("nothing moved").isTrue();
        } finally {
            lab1.exec("kill " + holder);
        }

        LabCluster.Outcome reseeded = reseed("lab1");

        assertThat(reseeded.result().succeeded()).as(reseeded.log() + reseeded.firstFailure()).isTrue();
        assertThat(reseeded.log()).contains("old data kept inside the mount point at " + DATA + "/.quorum-aside-reseed-");
        assertThat(ok(lab1, "mountpoint -q " + DATA)).as("still the mount point").isTrue();
        assertThat(ok(lab1, "ls -d " + DATA + "/.quorum-aside-reseed-*/member/snap/db")).isTrue();
        assertThat(ok(lab1, "test -d " + DATA + "/member")).as("the re-seeded member's data").isTrue();
        assertHealthyWithKeys(3);
    }

    private static LabCluster.Outcome reseed(String host) {
        return cluster.run(session -> new Plan("reseed", session.inventory().clusterName(), Reseed.steps(session, host)));
    }

    @Test
    @Order(3)
    void aRestoreSetsEveryLayoutAsideAndRestoresIntoIt() throws Exception {
        SnapshotInfo snapshot;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "before the disaster", Optional.empty());
        }
        try (KeyValues kv = keyValues()) {
            kv.put("after/", 10, 10);
        }
        for (int lost : List.of(1, 2)) {
            lab.host(lost).exec("systemctl stop etcd").requireOk("stop etcd on " + lab.host(lost).name());
        }

        LabCluster.Outcome restored = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSnapshot(snapshot.file(), false), Duration.ofSeconds(60)));

        assertThat(restored.result().succeeded()).as(restored.log() + restored.firstFailure()).isTrue();
        LabHost lab1 = lab.host(0);
        assertThat(ok(lab1, "mountpoint -q " + DATA)).isTrue();
        assertThat(ok(lab1, "ls -d " + DATA + "/.quorum-aside-before-restore-*/member/snap/db")).isTrue();
        assertThat(ok(lab1, "ls -d " + DATA + "/.quorum-aside-reseed-*/member")).as("the earlier copy too").isTrue();
        assertThat(ok(lab1, "test -e " + DATA + "/.quorum-restoring")).as("scratch dir gone").isFalse();
        assertThat(lab1.readFile(DATA + "/quorum-restore")).contains(snapshot.sha256());
        assertSymlinkIntact();
        assertThat(ok(lab.host(1), "ls -d " + TARGET + ".before-restore-*/member/snap/db")).isTrue();
        assertThat(lab.host(1).readFile(TARGET + "/quorum-restore")).contains(snapshot.sha256());
        assertThat(ok(lab.host(2), "ls -d " + DATA + ".before-restore-*/member/snap/db")).as("plain dir").isTrue();
        assertHealthyWithKeys(3);
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("after/")).as("written after the snapshot").isEmpty();
        }
    }
}
