package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import java.util.stream.Collectors;

/** The result, checked: every inventory member is in the member list with its peer URL, healthy, one leader. */
public final class VerifyClusterStep extends ClusterStep {

    public VerifyClusterStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Verify members, leader and health over TLS";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl member list -w table", "etcdctl endpoint status --cluster -w table");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!session.hasPki()) {
            return Check.needed("nothing installed yet");
        }
        ClusterStatus status = HealthWait.settled(context, () -> HealthWait.probe(session));
        if (!status.healthy()) {
            return Check.needed("not healthy: " + status.sentence());
        }
        for (EtcdMember member : session.members()) {
            boolean listed = status.memberList().stream().anyMatch(info -> info.name().equals(member.memberName())
                    && info.peerUrls().contains(member.peerUrl()));
            if (!listed) {
                throw new StepFailedException(member.memberName() + " (" + member.peerUrl()
                        + ") is not in the cluster's member list: " + describe(status.memberList()),
                        "the cluster differs from the inventory; use the member commands to add or remove members");
            }
        }
        for (MemberInfo extra : status.memberList()) {
            if (session.members().stream().noneMatch(m -> m.memberName().equals(extra.name()))) {
                context.warn("member " + extra.name() + " " + extra.peerUrls() + " is not in the inventory");
            }
        }
        String leader = status.leader().map(m -> m.memberName()).orElse("?");
        String version = status.members().get(0).status().map(s -> s.version()).orElse("?");
        return Check.done(status.memberList().size() + " members, leader " + leader + ", etcd " + version + "; "
                + status.sentence());
    }

    private static String describe(List<MemberInfo> members) {
        return members.stream().map(m -> m.name() + "=" + m.peerUrls()).collect(Collectors.joining(", "));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        HealthWait.await(session, context);
    }
}
