package dev.quorum.core.lifecycle.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of compact, defrag, disarm and NOSPACE plans, built from observed members, revision and leader: no
 * host, no etcd, no root. The addresses are loopback ones nothing listens on, so a planner that reached out would
 * fail here, not send.
 */
class MaintenancePlanShapeTest {
    private static final String ALL = "[node1, node2, node3]";

    @TempDir
    Path dir;
    private ClusterSession session;
    private List<EtcdMember> members;

    @BeforeEach
    void threeStartedMembers() throws Exception {
        session = PlanShapes.offlineSession(dir, 3, 3);
        members = session.inventory().etcdMembers();
    }

    @Test
    void compactionIsGuardedAndTakesASnapshotBeforeHistoryIsDropped() {
        Plan plan = MaintenancePlanner.compact(session, members, 5000, CompactRequest.keep(1000));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClusterReadyGuardStep [cluster]", "SnapshotStep [cluster]", "CompactStep [cluster]");
        assertThat(plan.lifecycle()).isEqualTo("compact");
        assertThat(plan.steps().get(2).step().title()).isEqualTo("Compact the key history to revision 4000");
    }

    @Test
    void aRevisionAheadOfTheClusterIsRefusedWhileThePlanIsBuilt() {
        assertThatThrownBy(() -> MaintenancePlanner.compact(session, members, 5000, CompactRequest.to(6000)))
                .isInstanceOf(MaintenanceException.class)
                .hasMessage("revision 6000 is in the future: the cluster is at revision 5000");
    }

    @Test
    void defragmentationTakesOneMemberAtATimeFollowersFirstAndTheLeaderLast() {
        Plan plan = MaintenancePlanner.defrag(session, members, Set.of("node1"), DefragRequest.defaults());

        assertThat(PlanShapes.shape(plan)).containsExactly("ClusterReadyGuardStep [cluster]",
                "DefragMemberStep [node2]", "DefragMemberStep [node3]", "DefragMemberStep [node1]");
        assertThat(plan.steps().get(3).step().title()).endsWith("(the leader, last)");
        assertThat(plan.steps().get(1).step().title()).endsWith("(a follower)");
    }

    @Test
    void withoutAKnownLeaderTheMembersKeepTheInventorysOrder() {
        Plan plan = MaintenancePlanner.defrag(session, members, Set.of(), DefragRequest.defaults());

        assertThat(PlanShapes.shape(plan)).containsExactly("ClusterReadyGuardStep [cluster]",
                "DefragMemberStep [node1]", "DefragMemberStep [node2]", "DefragMemberStep [node3]");
    }

    @Test
    void disarmingIsGuardedAndAsksEveryMember() {
        Plan plan = MaintenancePlanner.disarm(session, members);

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClusterReadyGuardStep [cluster]", "DisarmNospaceStep " + ALL);
        assertThat(plan.lifecycle()).isEqualTo("disarm");
    }

    @Test
    void nospaceIsCuredInEtcdsOrderSnapshotCompactDefragmentLeaderLastThenDisarm() {
        Plan plan = MaintenancePlanner.recoverSpace(session, members, 5000, Set.of("node2"),
                CompactRequest.keep(1000), DefragRequest.defaults());

        assertThat(PlanShapes.shape(plan)).containsExactly("ClusterReadyGuardStep [cluster]",
                "SnapshotStep [cluster]", "CompactStep [cluster]",
                "DefragMemberStep [node1]", "DefragMemberStep [node3]", "DefragMemberStep [node2]",
                "DisarmNospaceStep " + ALL);
        assertThat(plan.lifecycle()).isEqualTo("nospace");
    }
}
