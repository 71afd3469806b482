package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.Leadership;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;

/** A leader that is removed costs an election; hand leadership over first. */
final class MoveLeaderAwayStep extends ClusterStep {
    private final EtcdMember leaving;
    private final LiveCluster live;

    MoveLeaderAwayStep(LifecycleSession session, EtcdMember leaving, LiveCluster live) {
        super(session);
        this.leaving = leaving;
        this.live = live;
    }

    @Override
    public String title() {
        return "Move leadership away from " + leaving.memberName() + " if it leads";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl move-leader <a healthy follower>   # only if " + leaving.memberName() + " leads");
    }

    /**
     * A silent member is never found leading here (a leader is the member that says so), so probing
     * it would only wait out its timeout: it is left out (decision 0040).
     */
    private ClusterStatus status() {
        return SilentLeaving.probed(session.cluster(), live, leaving).probe(session.cluster());
    }

    @Override
    public Check check(StepContext context) {
        boolean leads = status().leader().map(l -> l.endpoint().equals(leaving.clientUrl())).orElse(false);
        return leads ? Check.needed(leaving.memberName() + " is the leader")
                : Check.done(leaving.memberName() + " does not lead");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        Leadership.moveAway(session, context, status(), leaving.hostName());
    }
}
