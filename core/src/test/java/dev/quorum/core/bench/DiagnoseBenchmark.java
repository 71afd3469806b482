package dev.quorum.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.Verdict;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabPreconditions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times a diagnosis of a 5-member cluster on lab hosts as the CLI makes it: a fresh session each
 * time (new SSH connections), every host asked in parallel. Then the same with one host cut off
 * entirely, which costs the SSH connect timeout the CLI uses for diagnosis (2 s).
 */
@Tag("benchmark")
class DiagnoseBenchmark {
    private static final int ROUNDS = Integer.getInteger("quorum.bench.rounds", 3);
    private static final int PER_ROUND = 5;

    @Test
    void diagnoseFiveMembers(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        LabPreconditions.requireTools();
        List<Long> healthy = new ArrayList<>();
        List<Long> oneDown = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (Lab lab = Lab.start(5)) {
                LabCluster cluster = new LabCluster(lab, dir.resolve("round-" + round), Map.of(), 5);
                assertThat(cluster.install().result().succeeded()).isTrue();
                for (int i = 0; i < PER_ROUND; i++) {
                    healthy.add(timed(cluster, Verdict.HEALTHY));
                }
                lab.host(4).cutLink();
                for (int i = 0; i < PER_ROUND; i++) {
                    oneDown.add(timed(cluster, Verdict.DEGRADED));
                }
            }
        }
        new BenchmarkReport("Diagnosis on lab hosts", ROUNDS)
                .row("diagnose a healthy 5-member cluster (fresh SSH connections, " + PER_ROUND + " runs per round)",
                        healthy, "<= 3 s")
                .row("diagnose a 5-member cluster with one host cut off (waits out the 2 s SSH connect timeout)",
                        oneDown, "none set")
                .write(Path.of(System.getProperty("quorum.docs", "../docs")).resolve("benchmarks.md"));
        assertThat(healthy).hasSize(ROUNDS * PER_ROUND);
    }

    private static long timed(LabCluster cluster, Verdict expected) {
        long start = System.nanoTime();
        Diagnosis d;
        try (ClusterSession session = cluster.session(cluster.ssh().withConnectTimeout(Duration.ofSeconds(2)))) {
            d = new Diagnoser(session).diagnose("hosts.yaml");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(d.verdict()).as(d.sentence()).isEqualTo(expected);
        return millis;
    }
}
