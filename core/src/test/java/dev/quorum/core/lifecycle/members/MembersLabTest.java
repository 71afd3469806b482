package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RecordingContext;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Membership changes on five lab hosts: the inventory's etcd group is lab1..lab3, lab4 and lab5
 * are spare hosts. One story, in order: grow 3 -> 5, shrink by removing the leader under load
 * and then a follower, refusals that change nothing, an interrupted join finished by a re-run,
 * and replacements (under load, and of a host that is cut off entirely). The log is longer than 5000 entries
 * from the start, so every join receives the leader's snapshot; when the new member's first start-up request was
 * lost around it (a race), the member waits for one more committed entry, which
 * nobody else writes here (a CI run once failed on that wait after a load test had written 7000 keys).
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembersLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    /** More entries than etcd keeps for a follower to catch up from (5000): a joining member gets a snapshot. */
    private static final int LONG_LOG_KEYS = 8000;
    private static final String ADMIN_TIMEOUT = "/etc/systemd/system/etcd.service.d/timeout.conf";

    @BeforeAll
    static void installThreeWithALongLog() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh());
             KeyValues kv = new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                     session.pki().clientTls())) {
            kv.put("long-log/", LONG_LOG_KEYS, 10);
        }
    }

    private static LabCluster.Outcome add(String host) {
        return cluster.run(session -> MemberPlans.add(session, new AddRequest(host)).plan());
    }

    private static LabCluster.Outcome remove(String member) {
        return cluster.run(session -> MemberPlans.remove(session, new RemoveRequest(member)).plan());
    }

    private static LabCluster.Outcome replace(String member, String host) {
        return cluster.run(session -> MemberPlans.replace(session, new ReplaceRequest(member, host, false)).plan());
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    private static List<String> memberHosts() {
        return status().members().stream().map(MemberStatus::hostName).sorted().toList();
    }

    private static LabHost host(String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static ContinuousWriter writer() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterPki pki = session.pki();
            List<String> endpoints = lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
            return new ContinuousWriter(endpoints, pki.clientTls());
        }
    }

    private static void awaitHealthy(int members) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            ClusterStatus status = status();
            if (status.healthy() && status.members().size() == members) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy with " + members + " members: " + status().sentence());
    }

    @Test
    @Order(1)
    void growsFromThreeToFiveOneAtATime() throws Exception {
        LabCluster.Outcome four = add("lab4");
        assertThat(four.result().succeeded()).as(four.log() + four.firstFailure()).isTrue();
        // an admin's drop-in named after the join's own still sets the start timeout: said, and the join goes on
        host("lab5").exec("mkdir -p /etc/systemd/system/etcd.service.d").requireOk("mkdir");
        host("lab5").writeFile(ADMIN_TIMEOUT, "[Service]\nTimeoutStartSec=4min\n");
        LabCluster.Outcome five = add("lab5");
        host("lab5").exec("rm -f " + ADMIN_TIMEOUT + " && systemctl daemon-reload").requireOk("remove " + ADMIN_TIMEOUT);
        assertThat(five.result().succeeded()).as(five.log() + five.firstFailure()).isTrue();
        assertThat(five.log()).contains("stop this start of etcd on lab5 after 4min", ADMIN_TIMEOUT);
        assertThat(four.log()).doesNotContain("would still stop this start");

        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.memberList()).hasSize(5).noneMatch(m -> m.learner());
        assertThat(status.memberList()).extracting(m -> m.name()).contains("etcd4", "etcd5");
        assertThat(host("lab1").readFile("/etc/etcd.env")).contains("etcd5=https://" + host("lab5").address() + ":2380");
        assertThat(host("lab5").readFile("/etc/etcd.env")).contains("ETCD_INITIAL_CLUSTER_STATE=existing");
        assertThat(cluster.home.snapshots(cluster.inventory().clusterName()).toFile().list())
                .anyMatch(f -> f.contains("before-add-lab5") && f.endsWith(".db"));
    }

    @Test
    @Order(2)
    void addingAnExistingMemberAgainChangesNothing() {
        LabCluster.Outcome again = add("lab5");

        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(2)
    void theGrownClustersOlderCertificatesAreNotReissuedForTheNewHostsNames() {
        // lab1-3's certificates name lab1-3 only (Kubespray writes every etcd host into each); once
        // lab4 and lab5 are in the inventory an install must not re-issue them, since that restarts them.
        cluster.editInventory("        lab3:\n", "        lab3:\n        lab4:\n        lab5:\n");
        try {
            LabCluster.Outcome preview = cluster.run(cluster.ssh(), RunMode.PREVIEW, new Cancellation(), e -> { });
            assertThat(preview.result().succeeded()).as(preview.log()).isTrue();
            int step = preview.events().stream().filter(e -> e instanceof RunEvent.StepStarted s
                    && s.title().startsWith("Issue member and admin certificates"))
                    .mapToInt(e -> ((RunEvent.StepStarted) e).step()).findFirst().orElseThrow();
            List<RunEvent.TargetFinished> certificates = preview.events().stream()
                    .filter(e -> e instanceof RunEvent.TargetFinished t && t.step() == step)
                    .map(e -> (RunEvent.TargetFinished) e).toList();
            assertThat(certificates).as(preview.log()).hasSize(5)
                    .allSatisfy(t -> assertThat(t.status()).as(t.target() + ": " + t.message()).isEqualTo(StepStatus.OK));
        } finally {
            cluster.editInventory("        lab3:\n        lab4:\n        lab5:\n", "        lab3:\n");
        }
    }

    @Test
    @Order(3)
    void removingTheLeaderUnderLoadHandsLeadershipOverFirst() throws Exception {
        String leader = status().leader().orElseThrow().hostName();
        try (ContinuousWriter writer = writer()) {
            writer.awaitAcknowledged(50, Duration.ofSeconds(10));
            LabCluster.Outcome removed = remove(leader);
            int before = writer.acknowledgedCount();
            writer.awaitAcknowledged(before + 50, Duration.ofSeconds(10));
            writer.stop();

            assertThat(removed.result().succeeded()).as(removed.log() + removed.firstFailure()).isTrue();
            assertThat(removed.log()).contains("moving leadership from " + leader);
            // One write in flight to the leaving member may wait out the writer's timeout (2 s) and the next one
            // connect anew; without the hand-over no write is acknowledged until the followers' election timeout
            // (5 s, Kubespray's) has passed and an election is won, so that is the bound that tells the two apart.
            assertThat(writer.longestGap()).as("longest pause between acknowledged writes")
                    .isLessThan(Duration.ofMillis(EtcdSettings.DEFAULT_ELECTION_MILLIS));
            assertThat(writer.missing()).isEmpty();
        }
        assertThat(memberHosts()).hasSize(4).doesNotContain(leader);
        LabHost old = host(leader);
        assertThat(old.exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");
        assertThat(old.exec("ls -d /var/lib/etcd.removed-*").ok()).isTrue();
        assertThat(old.fileExists("/var/lib/etcd")).isFalse();
    }

    @Test
    @Order(4)
    void removesAFollowerByItsHostName() {
        String follower = status().members().stream().filter(m -> !m.status().orElseThrow().isLeader())
                .map(MemberStatus::hostName).findFirst().orElseThrow();

        LabCluster.Outcome removed = remove(follower);

        assertThat(removed.result().succeeded()).as(removed.log() + removed.firstFailure()).isTrue();
        assertThat(memberHosts()).hasSize(3).doesNotContain(follower);
        assertThat(status().healthy()).isTrue();
    }

    private static String spare() {
        List<String> members = memberHosts();
        return lab.hosts().stream().map(LabHost::name).filter(h -> !members.contains(h)).findFirst().orElseThrow();
    }

    @Test
    @Order(5)
    void addingWhileAMemberIsDownIsRefusedWithTheReason() throws Exception {
        List<String> before = memberHosts();
        whileEtcdIsStoppedOn(before.get(0), () -> {
            LabCluster.Outcome refused = add(spare());
            assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.firstFailure()).contains("is not healthy").contains("quorum replace --member");
            assertThat(status().memberList()).hasSize(3);
        });
    }

    /**
     * Stops etcd on the host, waits until the others have a leader, runs the check, starts etcd again and waits for
     * three healthy members.
     */
    private static void whileEtcdIsStoppedOn(String hostName, Runnable check) throws InterruptedException {
        LabHost down = host(hostName);
        down.exec("systemctl stop etcd").requireOk("stop etcd");
        try {
            // the others have a leader again (the stopped one may have led): the check then meets the cluster it names
            assertThat(Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
                ClusterStatus status = status();
                return status.quorum() && status.members().stream().filter(MemberStatus::healthy).count()
                        == status.members().size() - 1;
            })).as("the others elected a leader without " + hostName).isTrue();
            check.run();
        } finally {
            down.exec("systemctl start etcd").requireOk("start etcd");
        }
        awaitHealthy(3);
    }

    @Test
    @Order(6)
    void aRemovalThatWouldLoseQuorumIsRefusedAndChangesNothing() throws Exception {
        List<String> members = memberHosts();
        whileEtcdIsStoppedOn(members.get(0), () -> {
            LabCluster.Outcome refused = remove(members.get(1));
            assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.firstFailure()).contains("would leave the cluster without quorum");
            assertThat(host(members.get(1)).exec("systemctl is-active etcd").stdout().strip()).isEqualTo("active");
        });
        assertThat(memberHosts()).isEqualTo(members);
    }

    @Test
    @Order(7)
    void anInterruptedJoinIsFinishedByARerunAndNeverFreezesTheCluster() throws Exception {
        String host = spare();
        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(session -> MemberPlans.add(session, new AddRequest(host)).plan(), cluster.ssh(),
                RunMode.APPLY, cancellation, event -> {
                    if (event instanceof RunEvent.StepFinished f && f.title().contains("as a learner")) {
                        cancellation.cancel();
                    }
                });
        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        ClusterStatus halfway = status();
        assertThat(halfway.memberList()).anyMatch(m -> m.learner());
        assertThat(halfway.quorum()).as("a learner that never started does not cost quorum").isTrue();

        LabCluster.Outcome finished = add(host);

        assertThat(finished.result().succeeded()).as(finished.log() + finished.firstFailure()).isTrue();
        assertThat(status().memberList()).hasSize(4).noneMatch(m -> m.learner());
    }

    @Test
    @Order(8)
    void replacingUnderLoadKeepsEveryAcknowledgedWrite() throws Exception {
        String old = status().members().stream().filter(m -> !m.status().orElseThrow().isLeader())
                .map(MemberStatus::hostName).findFirst().orElseThrow();
        String newHost = spare();
        try (ContinuousWriter writer = writer()) {
            writer.awaitAcknowledged(50, Duration.ofSeconds(10));
            LabCluster.Outcome replaced = replace(old, newHost);
            int before = writer.acknowledgedCount();
            writer.awaitAcknowledged(before + 50, Duration.ofSeconds(10));
            writer.stop();

            assertThat(replaced.result().succeeded()).as(replaced.log() + replaced.firstFailure()).isTrue();
            assertThat(writer.acknowledgedCount()).isGreaterThan(100);
            assertThat(writer.missing()).isEmpty();
        }
        assertThat(memberHosts()).contains(newHost).doesNotContain(old).hasSize(4);
    }

    @Test
    @Order(9)
    void replacesAMemberWhoseHostIsCutOffEntirely() throws Exception {
        String dead = status().members().stream().filter(m -> !m.status().orElseThrow().isLeader())
                .map(MemberStatus::hostName).findFirst().orElseThrow();
        String newHost = spare();
        host(dead).cutLink();
        try {
            LabCluster.Outcome replaced = replace(dead, newHost);

            assertThat(replaced.result().succeeded()).as(replaced.log() + replaced.firstFailure()).isTrue();
            System.out.println("CUTOFF-REPLACE\n" + replaced.log());
            assertThat(replaced.log()).contains("cannot be reached");
            assertThat(memberHosts()).contains(newHost).doesNotContain(dead).hasSize(4);
            assertThat(status().healthy()).isTrue();
        } finally {
            host(dead).healLink();
        }
    }

    @Test
    @Order(10)
    void removesALeaderCutOffAMomentAgoOnceTheOthersHaveElectedANewOne() throws Exception {
        String leader = status().leader().orElseThrow().hostName();
        host(leader).cutLink();
        try {
            LabCluster.Outcome removed = remove(leader);

            assertThat(removed.result().succeeded()).as(removed.log() + removed.firstFailure()).isTrue();
            // Whether the guard still had to wait depends on how long the plan took to build (SSH
            // to the cut host times out): either it waited, or the others had already elected.
            assertThat(removed.log()).containsPattern("waiting for an election|OK \\d/4 healthy");
            assertThat(memberHosts()).hasSize(3).doesNotContain(leader);
            assertThat(status().healthy()).isTrue();
        } finally {
            host(leader).healLink();
        }
    }

    @Test
    @Order(11)
    void theEntryAJoinAsksForIsCommittedAndChangesNoKey() throws Exception {
        String endpoint = status().leader().orElseThrow().endpoint();
        RecordingContext context = new RecordingContext();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            // as a membership plan does: the inventory's group is still lab1..lab3, and one of them left the cluster
            // while cut off (tests 9, 10) yet still runs etcd; a read it serves is not the cluster's ("leader changed")
            session.preferMembers(LiveCluster.read(session).members());
            EtcdAdmin etcd = session.sharedEtcd();
            long indexBefore = etcd.status(endpoint).get(5, TimeUnit.SECONDS).raftIndex();
            long revisionBefore = etcd.linearizableRevision().get(5, TimeUnit.SECONDS);

            new SnapshotApplyNudge(session).nudge(context);

            assertThat(etcd.status(endpoint).get(5, TimeUnit.SECONDS).raftIndex()).isGreaterThan(indexBefore);
            assertThat(etcd.linearizableRevision().get(5, TimeUnit.SECONDS)).isEqualTo(revisionBefore);
        }
        assertThat(context.lines).singleElement().asString().contains("asking the cluster for its alarm list");
    }
}
