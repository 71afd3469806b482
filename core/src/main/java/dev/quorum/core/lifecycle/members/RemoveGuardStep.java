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

/** Refuses a removal that would leave no member, or a cluster that cannot commit ({@link RemovalVerdict}). */
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
        LiveCluster live = SilentLeaving.read(session.cluster(), leaving, context);
        Optional<MemberInfo> target = live.info(leaving);
        if (target.isEmpty()) {
            return Check.done(leaving.memberName() + " is not a member (any more)");
        }
        if (live.list().size() == 1) {
            RemovalVerdict last = new RemovalVerdict(leaving.memberName(), 1, 1, 1, !target.get().learner(), true);
            throw new StepFailedException(last.refusal(), last.hint());
        }
        // A silent leaving member is not probed: it counts as not healthy, the others must carry quorum.
        ClusterStatus status = SilentLeaving.counted(session.cluster(), HealthWait.afterElection(session, context,
                SilentLeaving.probed(session.cluster(), live, leaving)), leaving);
        int voters = (int) live.list().stream().filter(i -> !i.learner()).count();
        int healthyVoters = (int) status.members().stream()
                .filter(m -> m.healthy() && !m.status().orElseThrow().learner()).count();
        boolean targetHealthy = status.members().stream()
                .filter(m -> m.endpoint().equals(leaving.clientUrl())).anyMatch(MemberStatus::healthy);
        RemovalVerdict verdict = new RemovalVerdict(leaving.memberName(), live.list().size(), voters, healthyVoters,
                !target.get().learner(), targetHealthy);
        if (!verdict.allowed()) {
            throw new StepFailedException(verdict.refusal() + "; now: " + status.sentence(), verdict.hint());
        }
        return Check.done(status.sentence() + "; without " + leaving.memberName() + ": " + verdict.words());
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
