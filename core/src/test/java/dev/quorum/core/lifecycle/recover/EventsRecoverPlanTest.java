package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of the events cluster starts and re-seeds etcd-events members with the events cluster's files only
 * (decision 0043); no host, no etcd, no root.
 */
class EventsRecoverPlanTest {
    @TempDir
    Path dir;

    private static MemberInfo listed(int i) {
        String ip = "127.88.0." + i;
        return new MemberInfo(i, "etcd" + i + "-events", List.of("https://" + ip + ":2382"),
                List.of("https://" + ip + ":2383"), false);
    }

    private static MemberDiagnosis member(int i, ProblemKind... problems) {
        return new MemberDiagnosis("node" + i, "etcd" + i + "-events", "127.88.0." + i, true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), i == 1, Optional.empty(),
                Arrays.stream(problems).map(k -> new Problem(k, k.label())).toList(), List.of(),
                RestoreLeftover.UNKNOWN);
    }

    @Test
    void aStoppedEventsMemberIsStartedAndALostOneReseededWithTheEventsFilesOnly() throws Exception {
        ClusterSession main = PlanShapes.offlineSession(dir, 5, 5,
                "      vars:\n        etcd_events_cluster_enabled: true\n");
        ClusterSession events = main.sibling(main.inventory().eventsCluster().orElseThrow());
        LiveCluster live = LiveCluster.of(events.inventory(), IntStream.rangeClosed(1, 5)
                .mapToObj(EventsRecoverPlanTest::listed).toList());
        Diagnosis diagnosis = new Diagnosis(Instant.EPOCH, Verdict.DEGRADED, "degraded", List.of(member(1), member(2),
                member(3), member(4, ProblemKind.DATA_LOST), member(5, ProblemKind.NOT_RUNNING)), Map.of(), List.of(),
                new QuorumEvidence(5, List.of("etcd1-events", "etcd2-events", "etcd3-events"), Map.of(), Map.of()));

        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(events, diagnosis, live,
                new RecoverRequest("hosts.yaml --cluster events", Duration.ofSeconds(60)));

        assertThat(PlanShapes.shape(planned.plan())).contains("StartEtcdStep [node5]", "MoveDataAsideStep [node4]");
        assertThat(planned.plan().cluster()).endsWith("-events");
        List<String> previews = planned.plan().steps().stream()
                .flatMap((PlannedStep s) -> s.targets().stream().flatMap(t -> s.step().preview(t).stream())).toList();
        assertThat(previews).contains("systemctl reset-failed etcd-events; systemctl start etcd-events")
                .anySatisfy(line -> assertThat(line).contains("/etc/etcd-events.env"))
                .contains("nc -z -w 3 127.88.0.5 2383   # from this workstation")
                .anySatisfy(line -> assertThat(line).contains("--peer-urls=https://127.88.0.4:2382"))
                .noneSatisfy(line -> assertThat(line).containsPattern("systemctl [a-z -]*etcd($|[ ;&])"))
                .noneSatisfy(line -> assertThat(line).contains("/etc/etcd.env"));
        assertThat(planned.plan().steps().get(2).step().title())
                .isEqualTo("Start etcd-events where it stopped (its data is intact)");
    }
}
