package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.util.List;

/**
 * Restarts one events member onto the etcd binary the main cluster's upgrade installed (decision 0043): nothing is
 * installed here, the binary is shared. Back only on the target, with a leader, caught up, the cluster healthy.
 */
final class EventsRestartStep extends HostStep {
    private final EtcdVersion target;
    private final boolean leaderLast;

    /** @param session the events cluster's */
    EventsRestartStep(LifecycleSession session, EtcdVersion target, boolean leaderLast) {
        super(session);
        this.target = target;
        this.leaderLast = leaderLast;
    }

    @Override
    public String title() {
        return "Restart etcd-events onto " + target + (leaderLast ? " (the leader, last)" : "");
    }

    @Override
    public List<String> preview(String target) {
        String unit = session.settings().layout().unitName();
        return List.of("systemctl restart " + unit + "   # on the shared " + session.settings().binDir() + "/etcd "
                + this.target + "; leadership handed on first if it leads",
                "etcdctl --endpoints=" + session.member(target).clientUrl() + " endpoint status   # " + this.target
                        + ", a leader, caught up");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return MemberRestart.onVersion(session, member(context), target, " until it restarts");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        MemberRestart.restart(session, context, member(context), target);
    }

    @Override
    public void verify(StepContext context) throws Exception {
        EtcdMember member = member(context);
        EtcdVersion running = MemberRestart.runningVersion(session, member);
        if (!running.equals(target)) {
            throw new StepFailedException(member.memberName() + " runs " + running + " after its restart, not "
                    + target, "look at journalctl -u " + session.settings().layout().unitName() + " on "
                    + member.hostName());
        }
    }
}
