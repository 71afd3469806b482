package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;
import java.util.Optional;

/** Refuses a removal that would leave no member, or a cluster that cannot commit. */
final class RemoveGuardStep extends ClusterStep {
    private final EtcdMember leaving;

    RemoveGuardStep(LifecycleSession session, EtcdMember leaving) {
        super(session);
        this.leaving = leaving;
    }

    @Override
    public String title() {
        return "Check the cluster keeps its quorum without " + leaving.memberName();
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint health --cluster   # the remaining voters must still make a majority");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        LiveCluster live = LiveCluster.read(session.cluster());
        Optional<MemberInfo> target = live.info(leaving);
        if (target.isEmpty()) {
            return Check.done(leaving.memberName() + " is not a member (any more)");
        }
        if (live.list().size() == 1) {
            throw new StepFailedException(leaving.memberName() + " is the last member of the cluster",
                    "removing it would destroy the cluster; take a snapshot and stop etcd instead");
        }
        ClusterStatus status = HealthWait.afterElection(session, context, live);
        int voters = (int) live.list().stream().filter(i -> !i.learner()).count();
        int healthyVoters = (int) status.members().stream()
                .filter(m -> m.healthy() && !m.status().orElseThrow().learner()).count();
        boolean targetHealthy = status.members().stream()
                .filter(m -> m.endpoint().equals(leaving.clientUrl())).anyMatch(MemberStatus::healthy);
        if (!QuorumMath.removalKeepsQuorum(voters, healthyVoters, !target.get().learner(), targetHealthy)) {
            throw new StepFailedException("removing " + leaving.memberName() + " would leave the cluster without "
                    + "quorum (" + status.sentence() + "; " + (voters - 1) + " voters would need "
                    + QuorumMath.quorum(voters - 1) + " healthy)",
                    "bring the unhealthy members back first; if quorum is lost for good, restore from a snapshot");
        }
        return Check.done(status.sentence() + "; without " + leaving.memberName() + ": " + (voters - 1)
                + " voters, quorum " + QuorumMath.quorum(voters - 1));
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
