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

/**
 * Refuses to add a member unless the cluster can take it: quorum, every voting member healthy
 * (etcd's strict reconfiguration check), no other learner or never-started member pending.
 * A member this plan removes first (replace) is left out of the count.
 */
final class AddGuardStep extends ClusterStep {
    private final EtcdMember joining;
    private final Optional<EtcdMember> removedFirst;

    AddGuardStep(LifecycleSession session, EtcdMember joining, Optional<EtcdMember> removedFirst) {
        super(session);
        this.joining = joining;
        this.removedFirst = removedFirst;
    }

    @Override
    public String title() {
        return "Check the cluster can take " + joining.hostName() + " as " + joining.memberName();
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint health --cluster && etcdctl member list   # all voters healthy, no learner pending");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        LiveCluster live = removedFirst.isPresent()
                ? SilentLeaving.read(session.cluster(), removedFirst.get(), context) : LiveCluster.read(session.cluster());
        Optional<MemberInfo> existing = live.info(joining);
        if (existing.isPresent() && existing.get().started() && !existing.get().learner()) {
            return Check.done(joining.hostName() + " is already a voting member (" + existing.get().name() + ")");
        }
        for (MemberInfo info : live.list()) {
            boolean ours = info.peerUrls().contains(joining.peerUrl());
            boolean leaving = removedFirst.map(r -> info.peerUrls().contains(r.peerUrl())).orElse(false);
            if (!ours && !leaving && (info.learner() || !info.started())) {
                throw new StepFailedException("member " + describe(info) + " is "
                        + (info.learner() ? "a learner that is not promoted yet" : "added but never started")
                        + "; etcd takes one joining member at a time",
                        "finish that join first (quorum add --host ITS-HOST) or remove it (quorum remove --member "
                                + (info.name().isEmpty() ? info.idHex() : info.name()) + ")");
            }
        }
        // The member removed first does not count either way; a silent one is not waited for.
        ClusterStatus status = HealthWait.afterElection(session, context, removedFirst
                .map(r -> SilentLeaving.probed(session.cluster(), live, r)).orElse(live));
        if (!status.quorum()) {
            throw new StepFailedException("the cluster has no quorum: " + status.sentence(),
                    "a member can only be added to a working cluster; restore it from a snapshot first");
        }
        for (MemberStatus member : status.members()) {
            boolean leaving = removedFirst.map(r -> r.peerUrl().equals(peerOf(live, member))).orElse(false);
            boolean learner = member.status().map(s -> s.learner()).orElse(false);
            if (!leaving && !learner && !member.healthy() && !member.endpoint().equals(joining.clientUrl())) {
                throw new StepFailedException("member " + member.memberName() + " on " + member.hostName()
                        + " is not healthy (" + (member.reachable() ? "no leader" : member.error())
                        + "); adding a member now would raise the quorum while one is already missing",
                        "bring " + member.memberName() + " back first, or replace it: quorum replace --member "
                                + member.memberName() + " --with " + joining.hostName());
            }
        }
        return Check.done(status.sentence() + "; " + joining.hostName() + " can join as " + joining.memberName());
    }

    private static String peerOf(LiveCluster live, MemberStatus member) {
        return live.members().stream().filter(m -> m.clientUrl().equals(member.endpoint()))
                .map(EtcdMember::peerUrl).findFirst().orElse("");
    }

    private static String describe(MemberInfo info) {
        return (info.name().isEmpty() ? info.idHex() : info.name()) + " " + info.peerUrls();
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
