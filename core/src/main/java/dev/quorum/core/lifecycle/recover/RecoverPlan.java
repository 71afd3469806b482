package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import java.util.List;

/**
 * Recovery after a partition or a member failure, built from a diagnosis: members that can
 * rejoin by themselves are waited for; stopped ones with intact data are started; those that
 * cannot rejoin (data lost or corrupt, removed, another cluster's data) are re-seeded one at a
 * time. Healthy members are never touched. Without quorum it brings quorum back when members that are only
 * stopped make a majority (decision 0072), and otherwise refuses and points to a restore.
 * This observes (the diagnosis, the member list when a member is rebuilt); {@link RecoveryPlanner} plans.
 */
public final class RecoverPlan {
    private RecoverPlan() {
    }

    /** What recovery found and the plan it made of it. */
    public record Recovery(Diagnosis diagnosis, Plan plan) {
    }

    public static Recovery build(ClusterSession cluster, RecoverRequest request) throws Exception {
        Diagnosis diagnosis = DiagnosisWait.until(() -> new Diagnoser(cluster).diagnose(request.inventoryArg()),
                d -> d.hasQuorum() || d.quorumReturn().isPresent(), QuorumGuardStep.settleTime(cluster),
                new Cancellation());
        QuorumGuardStep.requireQuorum(diagnosis, request.inventoryArg());
        LiveCluster live = RecoveryPlanner.rebuildsAMember(cluster, diagnosis) ? LiveCluster.read(cluster)
                : LiveCluster.of(cluster.inventory(), List.of()); // a list nobody reads: no member is rebuilt
        RecoveryPlanner.Planned planned = RecoveryPlanner.plan(cluster, diagnosis, live, request);
        cluster.preferMembers(planned.sendTo());
        return new Recovery(diagnosis, planned.plan());
    }
}
