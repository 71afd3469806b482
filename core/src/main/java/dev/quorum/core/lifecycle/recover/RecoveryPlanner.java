package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.members.Reseed;
import dev.quorum.core.lifecycle.steps.ClientPortStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recovery as a pure function of a diagnosis that found quorum (or how to bring it back), the member list (read only when a member is
 * re-seeded or its join finished) and the request: nothing is read or changed while the plan is built; its
 * guard and its last step diagnose again when they run. {@link RecoverPlan} observes and calls this.
 */
final class RecoveryPlanner {
    private RecoveryPlanner() {
    }

    /** The plan, and the members its etcd requests go to while members are rebuilt (empty: no preference). */
    record Planned(Plan plan, List<EtcdMember> sendTo) {
    }

    /**
     * The quorum guard and the client port first; then a restore's drop-in left on members removed; then stopped
     * members with intact data started, and etcd restarted where its process is stopped; then each member that
     * cannot rejoin by itself re-seeded (or its interrupted join finished), one after the other; last, a wait until
     * every member has rejoined. Healthy members get no step. With quorum lost, only the starts and restarts that
     * bring it back ({@link QuorumReturn}), then the wait.
     */
    static Planned plan(ClusterSession cluster, Diagnosis diagnosis, LiveCluster live, RecoverRequest request) {
        Supplier<Diagnosis> diagnose = () -> new Diagnoser(cluster).diagnose(request.inventoryArg());
        Optional<QuorumReturn> back = diagnosis.hasQuorum() ? Optional.empty() : diagnosis.quorumReturn();
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new QuorumGuardStep(diagnose, QuorumGuardStep.settleTime(cluster),
                request.inventoryArg(), back)));
        steps.add(PlannedStep.onCluster(new ClientPortStep(cluster, cluster.inventory().etcdMembers())));
        if (back.isPresent()) {
            return new Planned(quorumBack(cluster, back.get(), diagnose, request, steps), List.of());
        }
        // before any start: a member started here must not skip the check
        List<String> dropIns = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.has(ProblemKind.RESTORE_DROP_IN)).map(MemberDiagnosis::host).toList();
        if (!dropIns.isEmpty()) {
            steps.add(PlannedStep.onEach(new DropInRemovalStep(cluster), dropIns));
        }
        List<String> start = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.needs(ProblemKind.Remedy.START) && !m.needs(ProblemKind.Remedy.RESEED)
                        && !finishesJoin(cluster, m) && !m.needsTheOperatorFirst())
                .map(MemberDiagnosis::host).toList();
        List<String> restart = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.needs(ProblemKind.Remedy.RESTART) && !m.needs(ProblemKind.Remedy.RESEED)
                        && !m.needsTheOperatorFirst())
                .map(MemberDiagnosis::host).toList();
        startsAndRestarts(cluster, start, restart, Readiness.ACTIVE, steps);
        List<EtcdMember> sendTo = List.of();
        for (MemberDiagnosis member : diagnosis.members()) {
            Reseed.Rebuild rebuild = null;
            if (reseeds(member)) {
                rebuild = Reseed.plan(cluster, live, member.host());
            } else if (finishesJoin(cluster, member)) {
                rebuild = Reseed.finishJoin(cluster, live, member.host());
            }
            if (rebuild != null) {
                steps.addAll(rebuild.steps());
                sendTo = rebuild.sendTo();
            }
        }
        steps.add(PlannedStep.onCluster(new RejoinWaitStep(diagnose, request.rejoinTimeout(),
                RejoinWaitStep.Goal.EVERY_MEMBER)));
        return new Planned(new Plan("recover", cluster.inventory().clusterName(), steps), sendTo);
    }

    /**
     * Without quorum: each member only launched (none can say it serves before a majority runs), then a wait for
     * every member, or for quorum when some cannot come back this way (recover, run again, re-seeds them).
     */
    private static Plan quorumBack(ClusterSession cluster, QuorumReturn back, Supplier<Diagnosis> diagnose,
                                   RecoverRequest request, List<PlannedStep> steps) {
        startsAndRestarts(cluster, back.start(), back.restart(), Readiness.LAUNCHED, steps);
        steps.add(PlannedStep.onCluster(new RejoinWaitStep(diagnose, request.rejoinTimeout(),
                back.everyMember() ? RejoinWaitStep.Goal.EVERY_MEMBER : RejoinWaitStep.Goal.QUORUM)));
        return new Plan("recover", cluster.inventory().clusterName(), steps);
    }

    private static void startsAndRestarts(ClusterSession cluster, List<String> start, List<String> restart,
                                          Readiness awaited, List<PlannedStep> steps) {
        if (!start.isEmpty()) {
            steps.add(PlannedStep.onEach(new StartEtcdStep(cluster, awaited), start));
        }
        if (!restart.isEmpty()) {
            steps.add(PlannedStep.onEach(new RestartEtcdStep(cluster, awaited), restart));
        }
    }

    /** A member is rebuilt, so the plan needs the member list. */
    static boolean rebuildsAMember(ClusterSession cluster, Diagnosis diagnosis) {
        return diagnosis.hasQuorum() && diagnosis.members().stream().anyMatch(m -> reseeds(m) || finishesJoin(cluster, m));
    }

    private static boolean reseeds(MemberDiagnosis member) {
        return member.reachable() && member.needs(ProblemKind.Remedy.RESEED);
    }

    /**
     * A learner of the inventory's etcd group left by an interrupted re-seed (or join): recover
     * finishes it instead of waiting for a promotion nobody makes.
     */
    private static boolean finishesJoin(ClusterSession cluster, MemberDiagnosis member) {
        return member.reachable() && member.has(ProblemKind.LEARNER) && !member.needs(ProblemKind.Remedy.RESEED)
                && cluster.inventory().member(member.host()).isPresent();
    }
}
