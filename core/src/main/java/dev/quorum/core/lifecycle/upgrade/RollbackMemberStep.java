package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.util.List;

/** One upgraded member back to the kept old release, while the cluster is still mixed. */
final class RollbackMemberStep extends HostStep {
    private final EtcdVersion old;
    private final boolean leaderAtPlanTime;

    RollbackMemberStep(LifecycleSession session, EtcdVersion old, boolean leaderAtPlanTime) {
        super(session);
        this.old = old;
        this.leaderAtPlanTime = leaderAtPlanTime;
    }

    @Override
    public String title() {
        return "Roll each upgraded member back to " + old + (leaderAtPlanTime ? " (the leader, last)" : "");
    }

    @Override
    public List<String> preview(String target) {
        String kept = KeptRelease.dir(old);
        String bin = session.settings().binDir();
        return List.of("install -m 0755 " + kept + "/etcd " + kept + "/etcdctl " + bin + "/   # only if it runs a "
                        + "newer version",
                "install -m 0640 " + kept + "/etcd.env " + HostFiles.ENV_FILE,
                "etcdctl move-leader <a healthy follower>   # if it leads",
                "systemctl restart etcd && etcdctl --endpoints=" + session.member(target).clientUrl()
                        + " endpoint status   # " + old);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return MemberRestart.onVersion(session, member(context), old, "");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        KeptRelease.putBack(remote(context), context, session.settings(), old);
        MemberRestart.restart(session, context, member, old);
    }
}
