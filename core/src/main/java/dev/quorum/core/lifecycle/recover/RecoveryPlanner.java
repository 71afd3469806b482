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
import java.util.function.Supplier;

/**
 * Recovery as a pure function of a diagnosis that found quorum, the member list (read only when a member is
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
     * cannot rejoin by itself re-seeded (or its interrupted join finished), one after the other; last, a wait until every member has rejoined. Healthy members get no step.
     */
    static Planned plan(ClusterSession cluster, Diagnosis diagnosis, LiveCluster live, RecoverRequest request) {
        Supplier<Diagnosis> diagnose = () -> new Diagnoser(cluster).diagnose(request.inventoryArg());
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new QuorumGuardStep(diagnose, QuorumGuardStep.settleTime(cluster),
                request.inventoryArg())));
        steps.add(PlannedStep.onCluster(new ClientPortStep(cluster, cluster.inventory().etcdMembers())));
        // before any start: a member started here must not skip the check
        List<String> dropIns = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.has(ProblemKind.RESTORE_DROP_IN)).map(MemberDiagnosis::host).toList();
        if (!dropIns.isEmpty()) {
            steps.add(PlannedStep.onEach(new DropInRemovalStep(cluster), dropIns));
        }
        List<String> start = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.needs(ProblemKind.Remedy.START) && !m.needs(ProblemKind.Remedy.RESEED)
                        && !finishesJoin(cluster, m))
                .map(MemberDiagnosis::host).toList();
        if (!start.isEmpty()) {
            steps.add(PlannedStep.onEach(new StartEtcdStep(cluster), start));
        }
        List<String> restart = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.needs(ProblemKind.Remedy.RESTART) && !m.needs(ProblemKind.Remedy.RESEED))
                .map(MemberDiagnosis::host).toList();
        if (!restart.isEmpty()) {
            steps.add(PlannedStep.onEach(new RestartEtcdStep(cluster), restart));
        }
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
        steps.add(PlannedStep.onCluster(new RejoinWaitStep(diagnose, request.rejoinTimeout())));
        return new Planned(new Plan("recover", cluster.inventory().clusterName(), steps), sendTo);
    }

    /** A member is rebuilt, so the plan needs the member list. */
    static boolean rebuildsAMember(ClusterSession cluster, Diagnosis diagnosis) {
        return diagnosis.members().stream().anyMatch(m -> reseeds(m) || finishesJoin(cluster, m));
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
