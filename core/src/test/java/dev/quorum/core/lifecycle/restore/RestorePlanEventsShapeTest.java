package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum restore --cluster events} (decision 0047): the same plan as the main cluster's, every step on
 * etcd-events' unit, env file, data dir and ports, none on the main cluster's. Built offline: no host, no root.
 */
class RestorePlanEventsShapeTest {
    private static final String EVENTS_ON = "      vars:\n        etcd_events_cluster_enabled: true\n";

    @TempDir
    Path dir;
    private ClusterSession main;
    private ClusterSession events;

    @BeforeEach
    void bothClusters() throws Exception {
        main = PlanShapes.offlineSession(dir, 3, 3, EVENTS_ON);
        events = main.sibling(main.inventory().cluster(ClusterLayout.EVENTS));
    }

    private Plan plan() throws Exception {
        return RestorePlan.build(events, RestoreRequest.fromSnapshot(dir.resolve("events.db"), false));
    }

    private List<String> previews() throws Exception {
        return plan().steps().stream().flatMap(RestorePlanEventsShapeTest::previewLines).toList();
    }

    private static java.util.stream.Stream<String> previewLines(PlannedStep planned) {
        String target = planned.targets().isEmpty() ? "cluster" : planned.targets().get(0);
        return planned.step().preview(target).stream();
    }

    @Test
    void theEventsClusterIsRestoredWithTheSameStepsAsTheMainOnePlusTheSharedBinaryGuard() throws Exception {
        Plan mainPlan = RestorePlan.build(main, RestoreRequest.fromSnapshot(dir.resolve("main.db"), false));

        List<String> events = new java.util.ArrayList<>(PlanShapes.shape(plan()));
        int guard = events.indexOf("SharedBinaryGuardStep [node1, node2, node3]");
        // the binary is the main cluster's too: checked before the step that would install another version
        assertThat(events.get(guard + 1)).isEqualTo("BinariesStep [node1, node2, node3]");
        events.remove(guard);
        assertThat(events).isEqualTo(PlanShapes.shape(mainPlan));
        assertThat(plan().cluster()).isEqualTo(main.inventory().clusterName() + "-events");
    }

    @Test
    void everyStepActsOnEtcdEventsItsDataDirAndItsPorts() throws Exception {
        List<String> titles = plan().steps().stream().map(s -> s.step().title()).toList();
        List<String> lines = previews();

        assertThat(titles).contains("Stop etcd-events where it still runs", "Write /etc/etcd-events.env",
                "Write /etc/systemd/system/etcd-events.service");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).isEqualTo("systemctl stop etcd-events"))
                .anySatisfy(line -> assertThat(line).contains("cat /etc/etcd-events.env"))
                .anySatisfy(line -> assertThat(line).startsWith("systemctl is-active etcd-events"))
                .anySatisfy(line -> assertThat(line).startsWith("mv /var/lib/etcd-events /var/lib/etcd-events.before-restore-"))
                .anySatisfy(line -> assertThat(line).contains("/var/lib/etcd-events/quorum-restore"))
                .anySatisfy(line -> assertThat(line).contains("--name etcd1-events")
                        .contains("etcd1-events=https://127.88.0.1:2382,etcd2-events=https://127.88.0.2:2382,"
                                + "etcd3-events=https://127.88.0.3:2382")
                        .contains("--initial-advertise-peer-urls https://127.88.0.1:2382")
                        .contains("--data-dir /var/lib/etcd-events.restoring"))
                .anySatisfy(line -> assertThat(line).contains("/run/systemd/system/etcd-events.service.d/"));
    }

    @Test
    void noStepNamesTheMainClustersUnitFilesOrPorts() throws Exception {
        List<String> lines = new java.util.ArrayList<>(previews());
        plan().steps().forEach(s -> lines.add(s.step().title()));

        assertThat(lines).noneSatisfy(line -> assertThat(line)
                .containsPattern("/etc/etcd\\.env|etcd\\.service|/var/lib/etcd(?!-events)|:2379|:2380"
                        + "|systemctl (stop|is-active|start|restart) etcd(?!-events)|k8s_etcd"));
        assertThat(events.inventory().etcdMembers()).allSatisfy(m -> {
            assertThat(m.clientPort()).isEqualTo(2383);
            assertThat(m.peerPort()).isEqualTo(2382);
        });
    }
}
