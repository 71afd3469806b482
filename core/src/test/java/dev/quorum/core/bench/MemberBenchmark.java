package dev.quorum.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.lab.Lab;
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
 * 3-member cluster on lab1..lab3 with lab4 and lab5 spare; add lab4 (timed), remove it again,
 * cut lab3 off entirely, replace it by lab5 (timed). Wall time of the plan run, from reading the
 * member list to the verified cluster, snapshot included.
 */
@Tag("benchmark")
class MemberBenchmark {
    private static final int ROUNDS = 3;

    @Test
    void memberChanges(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        LabPreconditions.requireTools();
        List<Long> add = new ArrayList<>();
        List<Long> replaceDead = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (Lab lab = Lab.start(5)) {
                LabCluster cluster = new LabCluster(lab, dir.resolve("round-" + round), Map.of());
                cluster.editInventory("        lab4:\n", "");
                cluster.editInventory("        lab5:\n", "");
                succeeded(cluster.install());

                add.add(timed(cluster, session -> MemberPlans.add(session, "lab4").plan()));
                succeeded(cluster.run(session -> MemberPlans.remove(session, "lab4").plan()));

                lab.hosts().get(2).cutLink();
                replaceDead.add(timed(cluster, session -> MemberPlans.replace(session, "lab3", "lab5", false).plan()));
            }
        }
        new BenchmarkReport("Member changes on lab hosts", ROUNDS)
                .row("add one member to a healthy 3-member cluster (learner, catch-up, promote)", add, "<= 10 s")
                .row("replace a dead (cut off) member of a 3-member cluster", replaceDead, "<= 15 s")
                .write(Path.of(System.getProperty("quorum.docs", "../docs")).resolve("benchmarks.md"));
        assertThat(add).hasSize(ROUNDS);
    }

    private static long timed(LabCluster cluster, LabCluster.PlanFactory plan) {
        long start = System.nanoTime();
        succeeded(cluster.run(plan));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void succeeded(LabCluster.Outcome outcome) {
        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
    }
}
