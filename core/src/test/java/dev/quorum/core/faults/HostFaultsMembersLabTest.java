package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replace and remove against host faults, on five lab hosts (lab1..lab3 installed, lab4 and lab5
 * spare), under a continuous writer. In every cell the cluster keeps quorum, no acknowledged
 * write is lost, the run stops with a reason that names the host and what to do, and a re-run
 * after the fault is healed completes. A removed member's data is moved aside, never deleted.
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostFaultsMembersLabTest {
    private static final String START_STEP = "Start etcd on the new member";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void installThree() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
    }

    @AfterEach
    void heal() {
        lab.hosts().forEach(h -> {
            h.healLink();
            h.freeDisk("/var/lib/etcd");
        });
    }

    private static LabCluster.Outcome run(LabCluster.PlanFactory plan, RunListener listener) {
        return cluster.run(plan, cluster.ssh(), RunMode.APPLY, new Cancellation(), listener);
    }

    private static LabCluster.PlanFactory replace(String member, String host) {
        return session -> MemberPlans.replace(session, new ReplaceRequest(member, host, false)).plan();
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    private static List<String> memberHosts() {
        return status().members().stream().map(MemberStatus::hostName).sorted().toList();
    }

    private static String follower() {
        return status().members().stream().filter(m -> m.status().map(s -> !s.isLeader()).orElse(false))
                .map(MemberStatus::hostName).sorted().findFirst().orElseThrow();
    }

    private static String spare() {
        List<String> members = memberHosts();
        return lab.hosts().stream().map(LabHost::name).filter(h -> !members.contains(h)).sorted().findFirst()
                .orElseThrow();
    }

    private static LabHost host(String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static ContinuousWriter writer() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            List<String> endpoints = lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
            return new ContinuousWriter(endpoints, session.pki().clientTls());
        }
    }

    /** Quorum kept: the writer goes on being acknowledged while the run is stopped. */
    private static void stillWrites(ContinuousWriter writer) throws InterruptedException {
        int before = writer.acknowledgedCount();
        writer.awaitAcknowledged(before + 20, Duration.ofSeconds(10));
        assertThat(writer.acknowledgedCount()).as("writes acknowledged after the failed run").isGreaterThanOrEqualTo(before + 20);
    }

    private static void endsHealthyWithout(ContinuousWriter writer, int members) throws Exception {
        writer.stop();
        assertThat(writer.missing()).as("acknowledged writes lost").isEmpty();
        ClusterStatus status = status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.memberList()).hasSize(members).noneMatch(m -> m.learner());
    }

    @Test
    @Order(1)
    void replaceWhoseNewMemberCannotStartForAFullDiskStopsWithTheCauseAndARerunFinishes() throws Exception {
        String old = follower();
        String newHost = spare();
        try (ContinuousWriter writer = writer()) {
            writer.awaitAcknowledged(50, Duration.ofSeconds(10));
            LabCluster.Outcome failed = run(replace(old, newHost), event -> {
                if (event instanceof RunEvent.StepStarted s && s.title().equals(START_STEP)) {
                    host(newHost).fillDisk("/var/lib/etcd");
                }
            });

            assertThat(failed.result().outcome()).as(failed.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(failed.firstFailure()).startsWith(newHost + ": ").contains("did not become active")
                    .contains("no space left on device");
            assertThat(status().quorum()).isTrue();
            stillWrites(writer);
            assertThat(host(old).exec("ls -d /var/lib/etcd.removed-*/member").ok()).as("old data kept aside").isTrue();

            host(newHost).freeDisk("/var/lib/etcd");
            LabCluster.Outcome finished = run(replace(old, newHost), event -> { });

            assertThat(finished.result().succeeded()).as(finished.log() + finished.firstFailure()).isTrue();
            endsHealthyWithout(writer, 3);
        }
        assertThat(memberHosts()).contains(newHost).doesNotContain(old);
    }

    @Test
    @Order(2)
    void replaceWhoseNewHostDiesWhileEtcdStartsStopsAndARerunFinishes() throws Exception {
        String old = follower();
        String newHost = spare();
        try (ContinuousWriter writer = writer()) {
            writer.awaitAcknowledged(50, Duration.ofSeconds(10));
            AtomicLong cutAt = new AtomicLong();
            LabCluster.Outcome failed = run(replace(old, newHost), event -> {
                if (event instanceof RunEvent.StepStarted s && s.title().equals(START_STEP)) {
                    host(newHost).cutLink();
                    cutAt.set(System.nanoTime());
                }
            });
            Duration took = Duration.ofNanos(System.nanoTime() - cutAt.get());

            assertThat(failed.result().outcome()).as(failed.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(failed.firstFailure()).startsWith(newHost + ": ")
                    .contains("The SSH connection to " + newHost + " failed").contains("keep-alive");
            // SSH keep-alives notice the vanished host (20 s), not the start's minutes-long catch-up limit
            assertThat(took).as("from the cut to the end of the run: the dead host is noticed, not waited for")
                    .isLessThan(Duration.ofMinutes(2));
            assertThat(status().quorum()).as("a learner that never started costs no quorum").isTrue();
            stillWrites(writer);

            host(newHost).healLink();
            LabCluster.Outcome finished = run(replace(old, newHost), event -> { });

            assertThat(finished.result().succeeded()).as(finished.log() + finished.firstFailure()).isTrue();
            endsHealthyWithout(writer, 3);
        }
        assertThat(memberHosts()).contains(newHost).doesNotContain(old);
    }

    @Test
    @Order(3)
    void removeWhoseSshDropsWhileTheDataIsSetAsideStopsAndARerunFinishes() throws Exception {
        String leaving = follower();
        LabHost leavingHost = host(leaving);
        try (ContinuousWriter writer = writer()) {
            writer.awaitAcknowledged(50, Duration.ofSeconds(10));
            // find runs in the set-aside script once etcd is stopped, to look for processes still in the data dir
            MidCommand.Injection watcher = MidCommand.during("Stop etcd on the removed member", leavingHost,
                    "/usr/bin/find", () -> MidCommand.dropSsh(leavingHost));
            LabCluster.Outcome dropped = run(session -> MemberPlans.remove(session, new RemoveRequest(leaving)).plan(), watcher);

            assertThat(watcher.caught()).as("the command setting the data aside was caught running").isTrue();
            assertThat(dropped.result().outcome()).as(dropped.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(dropped.firstFailure()).startsWith(leaving + ": ")
                    .contains("The SSH connection to " + leaving + " failed").contains("re-run");
            stillWrites(writer);

            LabCluster.Outcome finished = run(session -> MemberPlans.remove(session, new RemoveRequest(leaving)).plan(), event -> { });

            assertThat(finished.result().succeeded()).as(finished.log() + finished.firstFailure()).isTrue();
            endsHealthyWithout(writer, 2);
        }
        assertThat(memberHosts()).doesNotContain(leaving);
        assertThat(leavingHost.exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");
        assertThat(leavingHost.exec("ls -d /var/lib/etcd.removed-*/member").ok()).as("data kept aside").isTrue();
        assertThat(leavingHost.fileExists("/var/lib/etcd/member")).isFalse();
    }
}
