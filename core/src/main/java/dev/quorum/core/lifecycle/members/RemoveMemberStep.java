package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Removes the member from the cluster's member list. Works whether or not its host is alive. */
final class RemoveMemberStep extends ClusterStep {
    private final EtcdMember leaving;

    RemoveMemberStep(LifecycleSession session, EtcdMember leaving) {
        super(session);
        this.leaving = leaving;
    }

    @Override
    public String title() {
        return "Remove " + leaving.memberName() + " from the cluster";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl member remove <id of " + leaving.memberName() + ">");
    }

    private Optional<MemberInfo> info() throws Exception {
        return session.cluster().sharedEtcd().members().get(10, TimeUnit.SECONDS).stream()
                .filter(i -> i.peerUrls().contains(leaving.peerUrl())).findFirst();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return info().map(i -> Check.needed(leaving.memberName() + " (" + i.idHex() + ") is a member"))
                .orElse(Check.done(leaving.memberName() + " is not a member"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        MemberInfo info = info().orElseThrow();
        try {
            session.cluster().sharedEtcd().removeMember(info.id()).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // A member serving its own removal stops before it answers: the member list tells.
            if (info().isPresent()) {
                throw e;
            }
        }
        context.info("removed " + leaving.memberName() + " (" + info.idHex() + ")");
    }
}
