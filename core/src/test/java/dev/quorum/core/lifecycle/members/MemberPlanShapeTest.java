package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of add, remove and replace plans, built from an observed member list: no host, no etcd, no root.
 * The addresses are loopback ones nothing listens on, so a planner that reached out would fail here, not send.
 */
class MemberPlanShapeTest {

    @TempDir
    Path dir;
    private ClusterSession session;
    private LiveCluster live;

    @BeforeEach
    void observedThreeMembersAndASpareHost() throws Exception {
        session = PlanShapes.offlineSession(dir, 4, 3);
        live = LiveCluster.of(session.inventory(), List.of(member(1, "etcd1", "127.88.0.1"), member(2, "etcd2", "127.88.0.2"),
                member(3, "etcd3", "127.88.0.3")));
    }

    private static MemberInfo member(long id, String name, String ip) {
        return new MemberInfo(id, name, List.of("https://" + ip + ":2380"), List.of("https://" + ip + ":2379"), false);
    }

    @Test
    void addChecksFirstThenSnapshotsThenJoinsAsALearnerThatIsPromotedLast() {
        MemberChange change = MemberPlanner.add(session, live, new AddRequest("node4"));

        assertThat(PlanShapes.shape(change.plan())).containsExactly(
                "AddGuardStep [cluster]", "FetchReleaseStep [cluster]", "PreflightStep [node4]",
                "SnapshotStep [cluster]",
                "BinariesStep [node4]", "CertificatesStep [node4]", "EnvFileStep [node4]", "UnitFileStep [node4]",
                "EtcdctlWrapperStep [node4]", "EnableServiceStep [node4]",
                "AddLearnerStep [cluster]", "StartMemberStep [node4]", "PromoteStep [cluster]",
                "VerifyClusterStep [cluster]", "EnvFileStep [node1, node2, node3]");
        assertThat(alongside(change)).as("certificates and binaries touch only the new host: together")
                .containsExactly("CertificatesStep [node4]");
        assertThat(change.plan().lifecycle()).isEqualTo("add");
        assertThat(change.membersAfter()).extracting(EtcdMember::hostName).containsExactly("node1", "node2", "node3", "node4");
        assertThat(change.sendTo()).as("requests go to the members that stay")
                .extracting(EtcdMember::hostName).containsExactly("node1", "node2", "node3");
        assertThat(change.inventoryNotes()).first().asString().startsWith("Add node4 to the etcd group");
    }

    @Test
    void removeGuardsThenSnapshotsMovesLeadershipAwayRemovesAndRetiresTheHost() {
        MemberChange change = MemberPlanner.remove(session, live, new RemoveRequest("etcd3"));

        assertThat(PlanShapes.shape(change.plan())).containsExactly(
                "RemoveGuardStep [cluster]", "SnapshotStep [cluster]", "MoveLeaderAwayStep [cluster]",
                "RemoveMemberStep [cluster]", "RetireHostStep [node3]", "VerifyClusterStep [cluster]",
                "EnvFileStep [node1, node2]");
        assertThat(change.sendTo()).extracting(EtcdMember::hostName).containsExactly("node1", "node2");
        assertThat(change.membersAfter()).extracting(EtcdMember::memberName).containsExactly("etcd1", "etcd2");
    }

    @Test
    void replaceRunsBothGuardsBeforeAnythingChangesAndRemovesBeforeItAdds() {
        MemberChange change = MemberPlanner.replace(session, live, new ReplaceRequest("etcd2", "node4", false));
        List<String> shape = PlanShapes.shape(change.plan());

        assertThat(shape.subList(0, 4)).as("every guard and check before the first change").containsExactly(
                "RemoveGuardStep [cluster]", "AddGuardStep [cluster]", "FetchReleaseStep [cluster]",
                "PreflightStep [node4]");
        assertThat(shape.indexOf("SnapshotStep [cluster]")).isEqualTo(4);
        assertThat(shape.indexOf("RemoveMemberStep [cluster]")).isLessThan(shape.indexOf("AddLearnerStep [cluster]"));
        assertThat(shape.indexOf("RetireHostStep [node2]")).isLessThan(shape.indexOf("BinariesStep [node4]"));
        assertThat(shape.indexOf("BinariesStep [node4]")).isEqualTo(shape.indexOf("RetireHostStep [node2]") + 1);
        assertThat(alongside(change)).as("the new host is prepared while the old one is retired (decision 0040); "
                + "nothing that changes the cluster runs alongside").containsExactly("BinariesStep [node4]",
                "CertificatesStep [node4]");
        assertThat(shape.indexOf("AddLearnerStep [cluster]")).isLessThan(shape.indexOf("PromoteStep [cluster]"));
        assertThat(change.plan().lifecycle()).isEqualTo("replace");
        assertThat(change.sendTo()).extracting(EtcdMember::hostName).containsExactly("node1", "node3");
        assertThat(change.membersAfter()).extracting(EtcdMember::memberName).doesNotContain("etcd2")
                .as("a new name, so etcd's logs stay unambiguous").doesNotHaveDuplicates().hasSize(3);
    }

    /** The steps that run together with the step before them. */
    @Test
    void aNewMemberIsNotGivenTheNameOfAFormerMemberTheEtcdGroupStillNames() {
        // etcd3 was removed while node3 was cut off: node3 is still in the etcd group and may run etcd3 again
        LiveCluster withoutEtcd3 = LiveCluster.of(session.inventory(), List.of(member(1, "etcd1", "127.88.0.1"),
                member(2, "etcd2", "127.88.0.2")));

        MemberChange change = MemberPlanner.add(session, withoutEtcd3, new AddRequest("node4"));

        assertThat(change.membersAfter()).extracting(EtcdMember::memberName).containsExactly("etcd1", "etcd2", "etcd4");
    }

    private static List<String> alongside(MemberChange change) {
        return change.plan().steps().stream().filter(PlannedStep::withPrevious)
                .map(s -> s.step().getClass().getSimpleName() + " " + s.targets()).toList();
    }

    @Test
    void aReplacementOnTheOldHostItselfIsRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> MemberPlanner.replace(session, live, new ReplaceRequest("etcd2", "node2", false)))
                .isInstanceOf(MemberChangeException.class).hasMessageContaining("is the host of etcd2 itself");
    }
}
