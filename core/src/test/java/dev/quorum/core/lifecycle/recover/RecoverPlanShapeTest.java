package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of recovery plans, built from a diagnosis and an observed member list: no host, no etcd, no root.
 * The addresses are loopback ones nothing listens on, so a planner that reached out would fail here, not send.
 */
class RecoverPlanShapeTest {
    private static final RecoverRequest REQUEST = new RecoverRequest("hosts.yaml", Duration.ofSeconds(60));
    private static final List<String> RESEED_OF_NODE4 = List.of("RemoveGuardStep [cluster]", "SnapshotStep [cluster]",
            "MoveDataAsideStep [node4]", "RemoveMemberStep [cluster]", "EnvFileStep [node4]",
            "EnableServiceStep [node4]", "AddLearnerStep [cluster]", "StartMemberStep [node4]", "PromoteStep [cluster]",
            "VerifyClusterStep [cluster]");

    @TempDir
    Path dir;
    private ClusterSession session;
    private LiveCluster fiveListed;

    @BeforeEach
    void fiveMembersAllListed() throws Exception {
        session = PlanShapes.offlineSession(dir, 5, 5);
        fiveListed = LiveCluster.of(session.inventory(), IntStream.rangeClosed(1, 5)
                .mapToObj(i -> listed(i, false)).toList());
    }

    private static MemberInfo listed(int i, boolean learner) {
        String ip = "127.88.0." + i;
        return new MemberInfo(i, "etcd" + i, List.of("https://" + ip + ":2380"), List.of("https://" + ip + ":2379"),
                learner);
    }

    private static MemberDiagnosis member(int i, boolean reachable, ProblemKind... problems) {
        return new MemberDiagnosis("node" + i, "etcd" + i, "127.88.0." + i, reachable, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), i == 1, Optional.empty(),
                Arrays.stream(problems).map(k -> new Problem(k, k.label())).toList(), List.of(),
                RestoreLeftover.UNKNOWN);
    }

    private static Diagnosis degraded(MemberDiagnosis... members) {
        return new Diagnosis(Instant.EPOCH, Verdict.DEGRADED, "degraded", List.of(members), Map.of(), List.of(),
                new QuorumEvidence(5, List.of("etcd1", "etcd2", "etcd3"), Map.of(), Map.of()));
    }

    @Test
    void guardsFirstThenStartsWhatOnlyStoppedThenReseedsWhatCannotRejoinAndWaitsLast() {
        Diagnosis diagnosis = degraded(member(1, true), member(2, true), member(3, true),
                member(4, true, ProblemKind.DATA_LOST, ProblemKind.NOT_RUNNING), member(5, true, ProblemKind.NOT_RUNNING));

        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST);

        List<String> shape = PlanShapes.shape(planned.plan());
        assertThat(shape.subList(0, 3)).containsExactly(
                "QuorumGuardStep [cluster]", "ClientPortStep [cluster]", "StartEtcdStep [node5]");
        assertThat(shape.subList(3, shape.size() - 1)).as("a re-seed takes a snapshot before the data moves aside")
                .containsExactlyElementsOf(RESEED_OF_NODE4);
        assertThat(shape.get(shape.size() - 1)).isEqualTo("RejoinWaitStep [cluster]");
        assertThat(planned.plan().lifecycle()).isEqualTo("recover");
        assertThat(planned.sendTo()).as("requests go to the voters that stay").extracting(EtcdMember::hostName)
                .containsExactly("node1", "node2", "node3", "node5");
    }

    @Test
    void aRestoresDropInIsRemovedBeforeAnyMemberStarts() {
        Diagnosis diagnosis = degraded(member(1, true), member(2, true, ProblemKind.RESTORE_DROP_IN), member(3, true),
                member(4, true), member(5, true, ProblemKind.NOT_RUNNING, ProblemKind.RESTORE_DROP_IN));

        List<String> shape = PlanShapes.shape(RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST).plan());

        assertThat(shape).containsExactly("QuorumGuardStep [cluster]", "ClientPortStep [cluster]",
                "DropInRemovalStep [node2, node5]", "StartEtcdStep [node5]",
                "RejoinWaitStep [cluster]");
    }

    @Test
    void aStoppedProcessIsRestartedAfterTheStartsAndBeforeTheWait() {
        Diagnosis diagnosis = degraded(member(1, true), member(2, true), member(3, true, ProblemKind.FROZEN),
                member(4, true), member(5, true, ProblemKind.NOT_RUNNING));

        List<String> shape = PlanShapes.shape(RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST).plan());

        assertThat(shape).containsExactly("QuorumGuardStep [cluster]", "ClientPortStep [cluster]",
                "StartEtcdStep [node5]", "RestartEtcdStep [node3]", "RejoinWaitStep [cluster]");
    }

    private static MemberDiagnosis stopped(int i, ProblemKind... more) {
        List<Problem> problems = new java.util.ArrayList<>(Arrays.stream(more).map(k -> new Problem(k, k.label()))
                .toList());
        problems.add(new Problem(ProblemKind.NOT_RUNNING, "not running"));
        return new MemberDiagnosis("node" + i, "etcd" + i, "127.88.0." + i, true, Optional.of(false),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), problems, List.of(),
                RestoreLeftover.UNKNOWN);
    }

    private static Diagnosis quorumLost(MemberDiagnosis... members) {
        Map<String, String> down = new java.util.LinkedHashMap<>();
        Map<String, String> unknown = new java.util.LinkedHashMap<>();
        List.of(members).forEach(m -> (m.reachable() ? down : unknown).put(m.name(), m.problems().get(0).text()));
        return new Diagnosis(Instant.EPOCH, Verdict.QUORUM_LOST, "quorum is lost", List.of(members), Map.of(),
                List.of(), new QuorumEvidence(5, List.of(), down, unknown));
    }

    @Test
    void withQuorumLostMembersOnlyStoppedAreStartedAndRestartedThenEveryMemberIsAwaited() {
        Diagnosis diagnosis = quorumLost(stopped(1), stopped(2), stopped(3), member(4, true, ProblemKind.FROZEN),
                stopped(5));

        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST);

        assertThat(PlanShapes.shape(planned.plan())).containsExactly("QuorumGuardStep [cluster]",
                "ClientPortStep [cluster]", "StartEtcdStep [node1, node2, node3, node5]", "RestartEtcdStep [node4]",
                "RejoinWaitStep [cluster]");
        assertThat(planned.plan().steps().get(4).step().title()).isEqualTo("Wait until every member has rejoined and "
                + "caught up");
        assertThat(planned.sendTo()).isEmpty();
        assertThat(RecoveryPlanner.rebuildsAMember(session, diagnosis)).as("no member list without quorum").isFalse();
    }

    @Test
    void withQuorumLostAMemberThatNeedsAReseedIsLeftForTheNextRunAndOnlyQuorumIsAwaited() {
        Diagnosis diagnosis = quorumLost(stopped(1), stopped(2), stopped(3), stopped(4, ProblemKind.DATA_LOST),
                member(5, false, ProblemKind.UNREACHABLE));

        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST);

        assertThat(PlanShapes.shape(planned.plan())).containsExactly("QuorumGuardStep [cluster]",
                "ClientPortStep [cluster]", "StartEtcdStep [node1, node2, node3]", "RejoinWaitStep [cluster]");
        assertThat(planned.plan().steps().get(3).step().title())
                .isEqualTo("Wait until a majority of the members serves with a leader again");
    }

    @Test
    void membersThatCannotRejoinAreReseededOneAfterTheOther() {
        Diagnosis diagnosis = degraded(member(1, true), member(2, true), member(3, true),
                member(4, true, ProblemKind.DATA_LOST), member(5, true, ProblemKind.WRONG_CLUSTER));

        List<String> shape = PlanShapes.shape(RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST).plan());

        assertThat(shape.subList(2, 12)).containsExactlyElementsOf(RESEED_OF_NODE4);
        assertThat(shape.subList(12, 14)).containsExactly("RemoveGuardStep [cluster]", "SnapshotStep [cluster]");
        assertThat(shape.indexOf("MoveDataAsideStep [node5]")).isEqualTo(14);
        assertThat(shape).endsWith("VerifyClusterStep [cluster]", "RejoinWaitStep [cluster]").hasSize(23);
    }

    @Test
    void anInterruptedJoinIsFinishedNotStartedBareAndNothingIsRemoved() {
        LiveCluster withLearner = LiveCluster.of(session.inventory(), IntStream.rangeClosed(1, 5)
                .mapToObj(i -> listed(i, i == 5)).toList());
        Diagnosis diagnosis = degraded(member(1, true), member(2, true), member(3, true), member(4, true),
                member(5, true, ProblemKind.LEARNER, ProblemKind.NOT_RUNNING));

        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(session, diagnosis, withLearner, REQUEST);

        assertThat(PlanShapes.shape(planned.plan())).containsExactly(
                "QuorumGuardStep [cluster]", "ClientPortStep [cluster]",
                "EnvFileStep [node5]", "EnableServiceStep [node5]", "StartMemberStep [node5]",
                "PromoteStep [cluster]", "VerifyClusterStep [cluster]", "RejoinWaitStep [cluster]");
        assertThat(planned.sendTo()).extracting(EtcdMember::hostName).containsExactly("node1", "node2", "node3", "node4");
        assertThat(RecoveryPlanner.rebuildsAMember(session, diagnosis)).isTrue();
    }

    @Test
    void aMemberTakenOutOfServiceIsNeverStartedWithOrWithoutQuorum() {
        Diagnosis degraded = degraded(member(1, true), member(2, true), member(3, true),
                member(4, true, ProblemKind.DISABLED), member(5, true, ProblemKind.NOT_RUNNING));

        assertThat(PlanShapes.shape(RecoveryPlanner.plan(session, degraded, fiveListed, REQUEST).plan()))
                .containsExactly("QuorumGuardStep [cluster]", "ClientPortStep [cluster]", "StartEtcdStep [node5]",
                        "RejoinWaitStep [cluster]");

        Diagnosis lost = quorumLost(stopped(1), stopped(2), member(3, true, ProblemKind.DISABLED),
                member(4, true, ProblemKind.DISABLED), stopped(5));
        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(session, lost, fiveListed, REQUEST);

        assertThat(PlanShapes.shape(planned.plan())).containsExactly("QuorumGuardStep [cluster]",
                "ClientPortStep [cluster]", "StartEtcdStep [node1, node2, node5]", "RejoinWaitStep [cluster]");
        assertThat(planned.plan().steps().get(3).step().title())
                .isEqualTo("Wait until a majority of the members serves with a leader again");
    }

    @Test
    void aMemberWhoseDiskIsFullOrWhoseCertificateExpiredIsNotStartedOrRestarted() {
        Diagnosis diagnosis = degraded(member(1, true), member(2, true), member(3, true),
                member(4, true, ProblemKind.DISK_FULL, ProblemKind.NOT_RUNNING),
                member(5, true, ProblemKind.CERT_EXPIRED, ProblemKind.FROZEN));

        assertThat(PlanShapes.shape(RecoveryPlanner.plan(session, diagnosis, fiveListed, REQUEST).plan()))
                .containsExactly("QuorumGuardStep [cluster]", "ClientPortStep [cluster]", "RejoinWaitStep [cluster]");
    }

    @Test
    void healthyAndUnreachableMembersGetNoStepAndNoMemberListIsNeeded() {
        Diagnosis diagnosis = degraded(member(1, true), member(2, true), member(3, true), member(4, true),
                member(5, false, ProblemKind.UNREACHABLE));

        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(session, diagnosis,
                LiveCluster.of(session.inventory(), List.of()), REQUEST);

        assertThat(PlanShapes.shape(planned.plan())).containsExactly(
                "QuorumGuardStep [cluster]", "ClientPortStep [cluster]", "RejoinWaitStep [cluster]");
        assertThat(planned.sendTo()).isEmpty();
        assertThat(RecoveryPlanner.rebuildsAMember(session, diagnosis)).isFalse();
    }
}
