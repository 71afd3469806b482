package dev.quorum.core.lifecycle.recovery;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.lifecycle.members.Reseed;
import dev.quorum.core.lifecycle.steps.ClientPortStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recovery after a partition or a member failure, built from a diagnosis: members that can
 * rejoin by themselves are waited for; stopped ones with intact data are started; those that
 * cannot rejoin (data lost or corrupt, removed, another cluster's data) are re-seeded one at a
 * time. Healthy members are never touched. Without quorum it refuses and points to a restore.
 */
public final class RecoverPlan {
    private RecoverPlan() {
    }

    /** What recovery found and the plan it made of it. */
    public record Recovery(Diagnosis diagnosis, Plan plan) {
    }

    public static Recovery build(ClusterSession cluster, String inventoryArg) throws Exception {
        return build(cluster, inventoryArg, RejoinWaitStep.DEFAULT_TIMEOUT);
    }

    public static Recovery build(ClusterSession cluster, String inventoryArg, Duration rejoinTimeout) throws Exception {
        Supplier<Diagnosis> diagnose = () -> new Diagnoser(cluster).diagnose(inventoryArg);
        Diagnosis diagnosis = DiagnosisWait.until(diagnose, Diagnosis::hasQuorum,
                QuorumGuardStep.settleTime(cluster), new Cancellation());
        QuorumGuardStep.requireQuorum(diagnosis, inventoryArg);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new QuorumGuardStep(diagnose, QuorumGuardStep.settleTime(cluster), inventoryArg)));
        steps.add(PlannedStep.onCluster(new ClientPortStep(cluster.inventory().etcdMembers())));
        List<String> start = diagnosis.members().stream().filter(MemberDiagnosis::reachable)
                .filter(m -> m.needs(ProblemKind.Remedy.START) && !m.needs(ProblemKind.Remedy.RESEED)
                        && !finishesJoin(cluster, m))
                .map(MemberDiagnosis::host).toList();
        if (!start.isEmpty()) {
            steps.add(PlannedStep.onEach(new StartEtcdStep(cluster), start));
        }
        for (MemberDiagnosis member : diagnosis.members()) {
            if (member.reachable() && member.needs(ProblemKind.Remedy.RESEED)) {
                steps.addAll(Reseed.steps(cluster, member.host()));
            } else if (finishesJoin(cluster, member)) {
                steps.addAll(Reseed.finishJoin(cluster, member.host()));
            }
        }
        steps.add(PlannedStep.onCluster(new RejoinWaitStep(diagnose, rejoinTimeout)));
        return new Recovery(diagnosis, new Plan("recover", cluster.inventory().clusterName(), steps));
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
