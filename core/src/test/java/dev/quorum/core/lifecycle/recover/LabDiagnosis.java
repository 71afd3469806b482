package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.labtest.LabCluster;
import java.time.Duration;
import java.util.function.Predicate;

/** Diagnoses a lab cluster, and polls (bounded) until raft has settled into an expected shape. */
public final class LabDiagnosis {
    private static final Duration SETTLE = Duration.ofSeconds(40);

    private final LabCluster cluster;

    public LabDiagnosis(LabCluster cluster) {
        this.cluster = cluster;
    }

    public Diagnosis now() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new Diagnoser(session).diagnose("hosts.yaml");
        }
    }

    /** Raft settles within an election or two; fails the test with the last diagnosis if it does not. */
    public Diagnosis await(Predicate<Diagnosis> settled) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Diagnosis last = now();
        while (!settled.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = now();
        }
        assertThat(settled.test(last)).as("diagnosis did not settle: %s", last).isTrue();
        return last;
    }
}
