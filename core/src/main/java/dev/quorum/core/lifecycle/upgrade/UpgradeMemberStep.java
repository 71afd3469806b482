package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.BinariesStep;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.FactsProbe;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.RemoteHost;
import java.util.ArrayList;
import java.util.List;

/**
 * One member to the target: its old release kept, the new binaries and the env file for the target in place, a
 * restart (leadership handed on first), back on the target and caught up before the next member starts. A downgrade's
 * member goes the same way, once its storage is on the target's minor (else the older binary would not start on it).
 */
final class UpgradeMemberStep extends HostStep {
    private final EtcdVersion target;
    private final boolean leaderAtPlanTime;
    private final boolean downgrade;

    UpgradeMemberStep(LifecycleSession session, EtcdVersion target, boolean leaderAtPlanTime, boolean downgrade) {
        super(session);
        this.target = target;
        this.leaderAtPlanTime = leaderAtPlanTime;
        this.downgrade = downgrade;
    }

    @Override
    public String title() {
        return (downgrade ? "Downgrade" : "Upgrade") + " each member to " + target
                + (leaderAtPlanTime ? " (the leader, last)" : " (a follower)");
    }

    @Override
    public List<String> preview(String target) {
        EtcdMember member = session.member(target);
        String bin = session.settings().binDir();
        List<String> steps = new ArrayList<>();
        if (downgrade) {
            steps.add(DowngradeCalls.shown(session) + " endpoint status -w json   # storageVersion "
                    + this.target.line() + ".0, downgrade enabled: else nothing changes");
        }
        steps.addAll(List.of("mkdir /var/backups/quorum/etcd-<running> && cp -p " + bin + "/etcd " + bin + "/etcdctl "
                        + HostFiles.ENV_FILE + " /var/backups/quorum/etcd-<running>/   # kept"
                        + (downgrade ? ": the release it ran" : " for --rollback"),
                "tar -xzf etcd-" + this.target + "-linux-" + session.settings().architecture()
                        + ".tar.gz && install -m 0755 etcd etcdctl etcdutl " + bin + "/",
                "install -m 0640 <rendered for " + this.target + "> " + HostFiles.ENV_FILE,
                "etcdctl move-leader <a healthy follower>   # only if " + member.memberName() + " leads",
                "systemctl restart etcd",
                "etcdctl --endpoints=" + member.clientUrl() + " endpoint status   # " + this.target
                        + ", raft index caught up with the leader's",
                "etcdctl endpoint health --cluster"));
        return steps;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return MemberRestart.onVersion(session, member(context), target, "");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        RemoteHost remote = remote(context);
        EtcdVersion old = MemberRestart.runningVersion(session, member);
        if (downgrade) {
            DowngradeStatus.read(session, member).requireReadyFor(target, member.memberName());
        }
        KeptRelease.keep(remote, context, session.settings(), old);
        session.recordFacts(context.target(), FactsProbe.gather(remote, session.settings()));
        BinariesStep binaries = new BinariesStep(session);
        if (binaries.check(context).needed()) {
            binaries.apply(context);
        }
        EtcdutlInstall.ensure(remote, context, session.settings(), session.release(), target);
        // Rendered from the inventory's settings, whose version is the target: per-version contents follow it.
        EnvFileStep env = new EnvFileStep(session);
        if (env.check(context).needed()) {
            env.apply(context);
        }
        MemberRestart.restart(session, context, member, target);
    }
}
