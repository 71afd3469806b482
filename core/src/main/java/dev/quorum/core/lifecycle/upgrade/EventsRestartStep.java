package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.FactsProbe;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.RemoteHost;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts one events member onto the etcd binary the main cluster's upgrade (or downgrade) installed (decision 0043):
 * no binary is installed here, it is shared; the events env file is rendered for the target first, as the main
 * members' is, since etcd only warns about a variable its version does not know (3.7 would drop the 3.5 corruption
 * checks, 3.5 the 3.6 ones). A downgrade's member restarts only once it reports its storage on the target's minor.
 * Back only on the target, with a leader, caught up, the cluster healthy.
 */
final class EventsRestartStep extends HostStep {
    private final EtcdVersion target;
    private final boolean leaderLast;
    private final boolean downgrade;

    /** @param session the events cluster's */
    EventsRestartStep(LifecycleSession session, EtcdVersion target, boolean leaderLast, boolean downgrade) {
        super(session);
        this.target = target;
        this.leaderLast = leaderLast;
        this.downgrade = downgrade;
    }

    @Override
    public String title() {
        return (downgrade ? "Downgrade" : "Restart") + " etcd-events onto " + target
                + (leaderLast ? " (the leader, last)" : "");
    }

    @Override
    public List<String> preview(String target) {
        String unit = session.settings().layout().unitName();
        List<String> lines = new ArrayList<>();
        if (downgrade) {
            lines.add(DowngradeCalls.shown(session) + " endpoint status -w json   # storageVersion "
                    + this.target.line() + ".0, downgrade enabled: else nothing changes");
        }
        lines.add("install -m 0640 <rendered for " + this.target + "> " + session.settings().layout().envFile());
        lines.add("systemctl restart " + unit + "   # on the shared " + session.settings().binDir() + "/etcd "
                + this.target + "; leadership handed on first if it leads");
        lines.add("etcdctl --endpoints=" + session.member(target).clientUrl() + " endpoint status   # " + this.target
                + ", a leader, caught up");
        return lines;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return MemberRestart.onVersion(session, member(context), target, " until it restarts");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        RemoteHost remote = remote(context);
        if (downgrade) {
            DowngradeStatus.read(session, member).requireReadyFor(target, member.memberName());
        }
        session.recordFacts(context.target(), FactsProbe.gather(remote, session.settings()));
        // Rendered from the events settings, whose version is the target: per-version contents follow it.
        EnvFileStep env = new EnvFileStep(session);
        if (env.check(context).needed()) {
            env.apply(context);
        }
        MemberRestart.restart(session, context, member, target);
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
