package dev.quorum.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabPreconditions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times member changes on lab hosts and writes its section of docs/benchmarks.md. Each round: a
 * 3-member cluster on lab1..lab3 with lab4..lab6 spare; add lab4 (timed), remove it again, stop etcd on a
 * follower (its host up: the port refuses) and replace it by lab6 (timed), cut a follower off entirely and
 * replace it by lab5 (timed), then cut the leader off and replace it by lab4 (timed). Wall time of the plan run, from reading the
 * member list to the verified cluster, snapshot included; the dead follower's replacement also
 * per step, with the machine's load average (it is shared with other builds).
 */
@Tag("benchmark")
class MemberBenchmark {
    private static final int ROUNDS = Integer.getInteger("quorum.bench.rounds", 3);

    @Test
    void memberChanges(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        LabPreconditions.requireTools();
        List<Long> add = new ArrayList<>();
        List<Long> replaceStopped = new ArrayList<>();
        List<Long> replaceDead = new ArrayList<>();
        List<Long> replaceLeader = new ArrayList<>();
        StepBreakdown stoppedFollower = new StepBreakdown();
        StepBreakdown deadFollower = new StepBreakdown();
        for (int round = 0; round < ROUNDS; round++) {
            try (Lab lab = Lab.start(6)) {
                LabCluster cluster = new LabCluster(lab, dir.resolve("round-" + round), Map.of(), 3);
                succeeded(cluster.install());

                add.add(timed(cluster, session -> MemberPlans.add(session, new AddRequest("lab4")).plan(),
                        new StepBreakdown()));
                succeeded(cluster.run(session -> MemberPlans.remove(session, new RemoveRequest("lab4")).plan()));

                settle();
                String stopped = follower(cluster);
                host(lab, stopped).exec("systemctl stop etcd").requireOk("stop etcd on " + stopped);
                replaceStopped.add(timed(cluster, session -> MemberPlans.replace(session,
                        new ReplaceRequest(stopped, "lab6", false)).plan(), stoppedFollower));

                settle();
                String follower = follower(cluster);
                host(lab, follower).cutLink();
                replaceDead.add(timed(cluster, session -> MemberPlans.replace(session,
                        new ReplaceRequest(follower, "lab5", false)).plan(), deadFollower));

                settle();
                String leader = leader(cluster);
                host(lab, leader).cutLink();
                replaceLeader.add(timed(cluster, session -> MemberPlans.replace(session,
                        new ReplaceRequest(leader, "lab4", false)).plan(), new StepBreakdown()));
            }
        }
        new BenchmarkReport("Member changes on lab hosts", ROUNDS)
                .row("add one member to a healthy 3-member cluster (learner, catch-up, promote)", add, "<= 10 s")
                .row("replace a follower whose etcd is stopped (host up, its port refuses)", replaceStopped, "<= 10 s")
                .row("replace a dead (cut off) follower of a 3-member cluster", replaceDead, "<= 15 s")
                .row("replace a dead (cut off) leader of a 3-member cluster (includes etcd's election, 5-10 s)",
                        replaceLeader, "none set")
                .note(stoppedFollower.table("replace a follower whose etcd is stopped"))
                .note(deadFollower.table("replace a dead (cut off) follower"))
                .write(Path.of(System.getProperty("quorum.docs", "../docs")).resolve("benchmarks.md"));
        assertThat(add).hasSize(ROUNDS);
    }

    /**
     * etcd refuses to remove a voting member until the members that stay have all been connected for 5 s: a
     * change timed right after the one before would time etcd's rule, not the change.
     */
    private static void settle() throws InterruptedException {
        Thread.sleep(6_000);
    }

    /** A voting member of lab1..lab6 that is in the cluster now and does not lead it. */
    private static String follower(LabCluster cluster) {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session).members().stream()
                    .filter(m -> m.healthy() && !m.status().orElseThrow().isLeader())
                    .map(m -> m.hostName()).findFirst().orElseThrow();
        }
    }

    private static String leader(LabCluster cluster) {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session).leader().orElseThrow().hostName();
        }
    }

    private static LabHost host(Lab lab, String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static long timed(LabCluster cluster, LabCluster.PlanFactory plan, StepBreakdown breakdown) {
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();
        LabCluster.Outcome outcome = cluster.run(plan);
        long millis = (System.nanoTime() - start) / 1_000_000;
        CpuTime spent = CpuTime.now().since(cpuBefore);
        succeeded(outcome);
        breakdown.add(outcome.events(), millis, spent);
        // Where the time went, per step and target, for reading the report's figures.
        outcome.log().lines().filter(l -> !l.startsWith(" ")).forEach(l -> System.out.println("bench | " + l));
        return millis;
    }

    private static void succeeded(LabCluster.Outcome outcome) {
        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
    }
}
