package dev.quorum.core.lifecycle.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance of the events cluster talks to its members on 2383 and snapshots into its own folder, never the main
 * cluster's endpoints (decisions 0038, 0043); no host, no root.
 */
class EventsMaintenancePlanTest {
    @TempDir
    Path dir;
    private ClusterSession events;
    private List<EtcdMember> members;

    @BeforeEach
    void eventsClusterOfThreeHosts() throws Exception {
        ClusterSession main = PlanShapes.offlineSession(dir, 3, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");
        Inventory inventory = main.inventory().eventsCluster().orElseThrow();
        events = main.sibling(inventory);
        members = inventory.etcdMembers();
    }

    private static List<String> previews(Plan plan) {
        return plan.steps().stream()
                .flatMap((PlannedStep s) -> s.targets().stream().flatMap(t -> s.step().preview(t).stream())).toList();
    }

    @Test
    void theWholeNospaceCureActsOnTheEventsMembersOnly() {
        Plan plan = MaintenancePlanner.recoverSpace(events, members, 5000, Set.of("node1"), CompactRequest.keep(1000),
                DefragRequest.defaults());

        assertThat(PlanShapes.shape(plan)).containsExactly("ClusterReadyGuardStep [cluster]", "SnapshotStep [cluster]",
                "CompactStep [cluster]", "DefragMemberStep [node2]", "DefragMemberStep [node3]",
                "DefragMemberStep [node1]", "DisarmNospaceStep [node1, node2, node3]");
        assertThat(plan.cluster()).isEqualTo(events.inventory().clusterName()).endsWith("-events");
        assertThat(previews(plan))
                .anySatisfy(line -> assertThat(line).contains("--endpoints=https://127.88.0.2:2383 defrag"))
                .anySatisfy(line -> assertThat(line).contains("df /var/lib/etcd-events"))
                .anySatisfy(line -> assertThat(line).contains("/clusters/" + events.inventory().clusterName() + "/"))
                .noneSatisfy(line -> assertThat(line).contains(":2379"))
                .noneSatisfy(line -> assertThat(line).contains("/var/lib/etcd "));
    }

    @Test
    void defragmentationNamesTheEventsMembers() {
        Plan plan = MaintenancePlanner.defrag(events, members, Set.of(), DefragRequest.defaults());

        assertThat(plan.steps().subList(1, 4)).extracting(s -> s.step().title()).containsExactly(
                "Defragment etcd1-events (a follower)", "Defragment etcd2-events (a follower)",
                "Defragment etcd3-events (a follower)");
    }
}
