package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.EnableServiceStep;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.SnapshotStep;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a member that cannot rejoin on its own (its data was lost, is corrupt, belongs to
 * another cluster, or the cluster removed it), on the same host and under the same name: data
 * moved aside, member removed, added back as a learner, started empty, promoted once caught up.
 * The leader sends it everything; healthy members are not touched.
 */
public final class Reseed {
    private Reseed() {
    }

    /** A member's re-seed (or the end of its join), and the members its etcd requests must go to meanwhile. */
    public record Rebuild(List<PlannedStep> steps, List<EtcdMember> sendTo) {
        public Rebuild {
            steps = List.copyOf(steps);
            sendTo = List.copyOf(sendTo);
        }
    }

    /** Observes the member list, points the session's etcd client at the members that stay, and plans. */
    public static List<PlannedStep> steps(ClusterSession cluster, String memberOrHost) {
        Rebuild rebuild = plan(cluster, LiveCluster.read(cluster), memberOrHost);
        cluster.preferMembers(rebuild.sendTo());
        return rebuild.steps();
    }

    /** The re-seed of one member, from the observed member list: nothing is read or changed while it is built. */
    public static Rebuild plan(ClusterSession cluster, LiveCluster live, String memberOrHost) {
        EtcdMember member = live.find(memberOrHost).filter(m -> !m.memberName().isEmpty())
                .or(() -> cluster.inventory().member(memberOrHost))
                .orElseThrow(() -> new MemberChangeException(memberOrHost + " is neither a member nor in the "
                        + "inventory's etcd group", "give a member name or host as quorum diagnose shows it"));
        Optional<Long> originalId = live.info(member).map(MemberInfo::id);
        LifecycleSession session = MemberPlanner.session(cluster, rebuilt(live, member));
        List<String> host = List.of(member.hostName());
        return new Rebuild(List.of(
                PlannedStep.onCluster(new RemoveGuardStep(session, member)),
                PlannedStep.onCluster(new SnapshotStep(session, "before re-seeding " + member.memberName(),
                        () -> rejoined(cluster, member, originalId))),
                PlannedStep.onEach(new MoveDataAsideStep(cluster, () -> rejoined(cluster, member, originalId)), host),
                PlannedStep.onCluster(new RemoveMemberStep(session, member, () -> rejoined(cluster, member, originalId))),
                PlannedStep.onEach(new EnvFileStep(session), host),
                PlannedStep.onEach(new EnableServiceStep(session), host),
                PlannedStep.onCluster(new AddLearnerStep(session, member)),
                PlannedStep.onEach(new StartMemberStep(session), host),
                PlannedStep.onCluster(new PromoteStep(session, member)),
                PlannedStep.onCluster(new VerifyClusterStep(session))),
                MemberPlanner.stable(live, Optional.of(member), null));
    }

    /**
     * The end of a re-seed (or a join) stopped after its learner was added, e.g. because the
     * host's etcd could not start then: start it, promote it once caught up. Nothing is removed
     * or moved: etcd itself refuses to promote a learner that has not caught up. Pure, as {@link #plan}.
     */
    public static Rebuild finishJoin(ClusterSession cluster, LiveCluster live, String host) {
        EtcdMember member = cluster.inventory().member(host).orElseThrow(() -> new MemberChangeException(
                host + " is not in the inventory's etcd group", "finish its join with quorum add --host " + host));
        LifecycleSession session = MemberPlanner.session(cluster, rebuilt(live, member));
        List<String> hosts = List.of(member.hostName());
        return new Rebuild(List.of(
                PlannedStep.onEach(new EnvFileStep(session), hosts),
                PlannedStep.onEach(new EnableServiceStep(session), hosts),
                PlannedStep.onEach(new StartMemberStep(session), hosts),
                PlannedStep.onCluster(new PromoteStep(session, member)),
                PlannedStep.onCluster(new VerifyClusterStep(session))),
                MemberPlanner.stable(live, Optional.of(member), null));
    }

    /** The started members once this one is back: the others, then it. */
    private static List<EtcdMember> rebuilt(LiveCluster live, EtcdMember member) {
        List<EtcdMember> after = new ArrayList<>(MemberPlanner.started(live).stream()
                .filter(m -> !m.peerUrl().equals(member.peerUrl())).toList());
        after.add(member);
        return after;
    }

    /** The member list shows the member under a new ID: it was removed and added again already. */
    private static boolean rejoined(ClusterSession cluster, EtcdMember member, Optional<Long> originalId) {
        try {
            return MemberListing.entry(cluster, member).filter(i -> originalId.map(id -> id != i.id()).orElse(true))
                    .isPresent();
        } catch (Exception e) {
            return false;
        }
    }
}
