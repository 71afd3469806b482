package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.SnapshotStep;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Add, remove and replace as pure functions of the observed member list and the request: nothing is read or
 * changed while a plan is built (its steps read and check when they run). Every change starts with a snapshot;
 * replace removes first, then adds. {@link MemberPlans} observes the cluster and calls these.
 */
final class MemberPlanner {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private MemberPlanner() {
    }

    static MemberChange add(ClusterSession cluster, LiveCluster live, AddRequest request) {
        return join(cluster, live, request.host(), Optional.empty(), false);
    }

    /**
     * The join of an add, or what is left of a replacement whose old member already left: then its
     * old host is retired after the guards, as the full replacement does before the join (the run
     * that removed the member may have stopped before retiring it), and the joining member is named
     * as the replacement's first run named it, so a re-run finds the host's files its own.
     */
    private static MemberChange join(ClusterSession cluster, LiveCluster live, String hostName,
                                     Optional<EtcdMember> replaced, boolean keepName) {
        EtcdMember joining = joiningMember(cluster, live, hostName, replaced, keepName);
        List<EtcdMember> after = new ArrayList<>(started(live));
        after.removeIf(m -> m.peerUrl().equals(joining.peerUrl()));
        after.add(joining);
        LifecycleSession session = session(cluster, after);
        List<PlannedStep> steps = new ArrayList<>(JoinSteps.checks(session, joining, Optional.empty()));
        replaced.filter(old -> !old.address().equals(joining.address())).ifPresent(old ->
                steps.add(PlannedStep.onEach(new RetireHostStep(cluster), List.of(old.hostName()))));
        steps.add(PlannedStep.onCluster(new SnapshotStep(session, "before add " + hostName,
                () -> isVoter(cluster, joining))));
        steps.addAll(JoinSteps.setup(session, joining, false));
        steps.addAll(JoinSteps.join(session, joining, live));
        String lifecycle = replaced.isPresent() ? "replace" : "add";
        return new MemberChange(new Plan(lifecycle, cluster.inventory().clusterName(), steps), session.members(),
                inventoryNotes(cluster, List.of(joining), List.of()), stable(live, Optional.empty(), joining));
    }

    static MemberChange remove(ClusterSession cluster, LiveCluster live, RemoveRequest request) {
        String memberOrHost = request.memberOrHost();
        // A member removed earlier is still retired by a re-run: its host may have been down then.
        EtcdMember leaving = live.find(memberOrHost).or(() -> formerMember(cluster, memberOrHost))
                .orElseGet(() -> resolve(live, memberOrHost));
        List<EtcdMember> after = started(live).stream().filter(m -> !m.peerUrl().equals(leaving.peerUrl())).toList();
        LifecycleSession session = session(cluster, after);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(removalGuard(session, leaving));
        steps.addAll(removal(session, cluster, live, leaving));
        steps.add(PlannedStep.onCluster(new VerifyClusterStep(session)));
        List<String> others = after.stream().filter(live::inInventory).map(EtcdMember::hostName).toList();
        if (!others.isEmpty()) {
            steps.add(PlannedStep.onEach(new EnvFileStep(session, false), others));
        }
        return new MemberChange(new Plan("remove", cluster.inventory().clusterName(), steps), session.members(),
                inventoryNotes(cluster, List.of(), List.of(leaving)), stable(live, Optional.of(leaving), null));
    }

    static MemberChange replace(ClusterSession cluster, LiveCluster live, ReplaceRequest request) {
        String oldMember = request.oldMember();
        String newHost = request.newHost();
        boolean keepName = request.keepName();
        Optional<EtcdMember> former = formerMember(cluster, oldMember);
        if (live.find(oldMember).isEmpty() && former.isPresent()) {
            // The old member went first: what is left of the replacement is its host's retirement
            // and the join, and a re-run of a finished replacement finds nothing to do.
            MemberChange rest = join(cluster, live, newHost, former, keepName);
            List<String> notes = new ArrayList<>(List.of(oldMember + " was no longer a member; the replacement "
                    + "was finished by adding " + newHost));
            notes.addAll(rest.inventoryNotes());
            return new MemberChange(rest.plan(), rest.membersAfter(), notes, rest.sendTo());
        }
        EtcdMember leaving = resolve(live, oldMember);
        EtcdMember joining = joiningMember(cluster, live, newHost, Optional.of(leaving), keepName);
        if (joining.address().equals(leaving.address())) {
            throw new MemberChangeException(newHost + " is the host of " + leaving.memberName() + " itself",
                    "to rebuild a member on the same host, remove it and add the host again");
        }
        Optional<MemberInfo> already = live.info(joining).filter(i -> i.started() && !i.learner());
        if (already.isPresent()) {
            throw new MemberChangeException(newHost + " is already member " + already.get().name(),
                    "replace " + leaving.memberName() + " by a host that is not a member (quorum status lists them), "
                            + "or just remove it: quorum remove --member " + leaving.memberName());
        }
        List<EtcdMember> after = new ArrayList<>(started(live).stream()
                .filter(m -> !m.peerUrl().equals(leaving.peerUrl()) && !m.peerUrl().equals(joining.peerUrl())).toList());
        after.add(joining);
        LifecycleSession session = session(cluster, after);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(removalGuard(session, leaving));
        steps.addAll(JoinSteps.checks(session, joining, Optional.of(leaving)));
        steps.addAll(removal(session, cluster, live, leaving));
        // The old host's retirement (the removal's last step) may wait for a host that is gone; the new
        // host is prepared meanwhile: neither depends on the other (decision 0040).
        steps.addAll(JoinSteps.setup(session, joining, live.inInventory(leaving)));
        steps.addAll(JoinSteps.join(session, joining, live));
        return new MemberChange(new Plan("replace", cluster.inventory().clusterName(), steps), session.members(),
                inventoryNotes(cluster, List.of(joining), List.of(leaving)), stable(live, Optional.of(leaving), joining));
    }

    private static PlannedStep removalGuard(LifecycleSession session, EtcdMember leaving) {
        return PlannedStep.onCluster(new RemoveGuardStep(session, leaving));
    }

    /** After the guard: snapshot, leadership, removal, and the old host retired. */
    private static List<PlannedStep> removal(LifecycleSession session, ClusterSession cluster, LiveCluster live,
                                             EtcdMember leaving) {
        List<PlannedStep> steps = new ArrayList<>(List.of(
                PlannedStep.onCluster(new SnapshotStep(session, "before removing " + leaving.memberName(),
                        () -> !isListed(cluster, leaving))),
                PlannedStep.onCluster(new MoveLeaderAwayStep(session, leaving, live)),
                PlannedStep.onCluster(new RemoveMemberStep(session, leaving))));
        if (live.inInventory(leaving)) {
            steps.add(PlannedStep.onEach(new RetireHostStep(cluster), List.of(leaving.hostName())));
        }
        return steps;
    }

    static LifecycleSession session(ClusterSession cluster, List<EtcdMember> after) {
        return new LifecycleSession(cluster, new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)),
                HEALTH_TIMEOUT, after, InitialClusterState.EXISTING);
    }

    /**
     * A member of the inventory's etcd group that the member list does not show: removed earlier
     * (by an interrupted or finished run) or never joined. Hosts outside the group are not ours.
     */
    private static Optional<EtcdMember> formerMember(ClusterSession cluster, String memberOrHost) {
        return cluster.inventory().member(memberOrHost);
    }

    private static EtcdMember resolve(LiveCluster live, String memberOrHost) {
        return live.find(memberOrHost).orElseThrow(() -> new MemberChangeException(
                "no member named " + memberOrHost + " (members: " + live.members().stream()
                        .map(m -> m.memberName() + " on " + m.hostName()).collect(Collectors.joining(", ")) + ")",
                "give a member name or its inventory host, as quorum status shows them"));
    }

    private static EtcdMember joiningMember(ClusterSession cluster, LiveCluster live, String hostName,
                                            Optional<EtcdMember> replacing, boolean keepName) {
        InventoryHost host = cluster.inventory().host(hostName).orElseThrow(() -> new MemberChangeException(
                hostName + " is not in the inventory's hosts",
                "add it under all.hosts in " + cluster.inventory().source().getFileName()
                        + " (ansible_host, ip) and run the command again"));
        Optional<EtcdMember> already = live.onHost(hostName);
        if (already.isPresent() && !already.get().memberName().isEmpty()) {
            return already.get();
        }
        // A former member's name stays taken while the etcd group names its host: a diagnosis names it, and a
        // "remove etcd3" meant for it must not find a new member of that name on another host.
        Set<String> taken = Stream.concat(live.list().stream().map(MemberInfo::name),
                        cluster.inventory().etcdMembers().stream().filter(m -> !m.hostName().equals(hostName))
                                .map(EtcdMember::memberName))
                .filter(n -> !n.isEmpty())
                .filter(n -> replacing.map(r -> !r.memberName().equals(n)).orElse(true))
                .collect(Collectors.toSet());
        String name = keepName && replacing.isPresent() ? replacing.get().memberName()
                : MemberNames.forNewHost(cluster.inventory(), host, withReplaced(taken, replacing));
        return new EtcdMember(host, name, cluster.inventory().layout());
    }

    /** Unless asked to keep it, a replacement does not reuse the old name: etcd's logs stay unambiguous. */
    private static Set<String> withReplaced(Set<String> taken, Optional<EtcdMember> replacing) {
        Set<String> names = new HashSet<>(taken);
        replacing.ifPresent(r -> names.add(r.memberName()));
        return names;
    }

    /** Started voting members that neither leave nor join in this change: the ones to send requests to. */
    static List<EtcdMember> stable(LiveCluster live, Optional<EtcdMember> leaving, EtcdMember joining) {
        return live.members().stream()
                .filter(m -> live.info(m).map(i -> i.started() && !i.learner()).orElse(false))
                .filter(m -> leaving.map(l -> !l.peerUrl().equals(m.peerUrl())).orElse(true))
                .filter(m -> joining == null || !joining.peerUrl().equals(m.peerUrl()))
                .toList();
    }

    static List<EtcdMember> started(LiveCluster live) {
        return live.members().stream().filter(m -> !m.memberName().isEmpty()).toList();
    }

    private static boolean isVoter(ClusterSession cluster, EtcdMember member) {
        return MemberListing.entry(members(cluster), member).filter(i -> !i.learner() && i.started()).isPresent();
    }

    private static boolean isListed(ClusterSession cluster, EtcdMember member) {
        return MemberListing.entry(members(cluster), member).isPresent();
    }

    private static List<MemberInfo> members(ClusterSession cluster) {
        try {
            return MemberListing.read(cluster);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<String> inventoryNotes(ClusterSession cluster, List<EtcdMember> joined, List<EtcdMember> left) {
        List<String> notes = new ArrayList<>();
        String file = cluster.inventory().source().toString();
        for (EtcdMember member : joined) {
            if (cluster.inventory().member(member.hostName()).isEmpty()) {
                notes.add("Add " + member.hostName() + " to the etcd group in " + file
                        + " (with etcd_member_name: " + member.memberName() + ") so later runs include it");
            }
        }
        for (EtcdMember member : left) {
            if (cluster.inventory().member(member.hostName()).isPresent()) {
                notes.add("Remove " + member.hostName() + " from the etcd group in " + file);
            }
        }
        if (!notes.isEmpty()) {
            // Without etcd_member_name Kubespray numbers members by their place in the group, so
            // taking one host out would rename every host after it.
            List<EtcdMember> after = new ArrayList<>(cluster.inventory().etcdMembers());
            after.removeIf(m -> left.stream().anyMatch(l -> l.hostName().equals(m.hostName())));
            joined.stream().filter(j -> after.stream().noneMatch(m -> m.hostName().equals(j.hostName())))
                    .forEach(after::add);
            notes.add("The etcd group afterwards, every name pinned so none shifts:");
            notes.add("  etcd:");
            notes.add("    hosts:");
            after.forEach(m -> notes.add("      " + m.hostName() + ": {etcd_member_name: " + m.memberName() + "}"));
        }
        return notes;
    }
}
