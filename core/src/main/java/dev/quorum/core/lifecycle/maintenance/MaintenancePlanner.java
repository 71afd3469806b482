package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.SnapshotStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Compact, defragment, disarm and NOSPACE's cure as pure functions of what was observed (the started members the
 * inventory names, the current revision, which members said they lead) and the request: nothing is read while a
 * plan is built, its steps check again when they run. {@link MaintenancePlans} observes and calls these.
 */
final class MaintenancePlanner {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private MaintenancePlanner() {
    }

    /** Guard (quorum) -> snapshot -> compact. */
    static Plan compact(ClusterSession cluster, List<EtcdMember> members, long currentRevision,
                        CompactRequest request) {
        LifecycleSession session = session(cluster, members);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new ClusterReadyGuardStep(session, "compacted", false)));
        steps.addAll(compaction(session, currentRevision, request));
        return new Plan("compact", cluster.inventory().clusterName(), steps);
    }

    /** Guard (every member answers) -> each member in turn, followers first, the leader last. */
    static Plan defrag(ClusterSession cluster, List<EtcdMember> members, Set<String> leaderHosts,
                       DefragRequest request) {
        LifecycleSession session = session(cluster, members);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new ClusterReadyGuardStep(session, "defragmented", true)));
        steps.addAll(defragmentation(session, leaderHosts, request, () -> false));
        return new Plan("defrag", cluster.inventory().clusterName(), steps);
    }

    /** Guard (quorum) -> each member's NOSPACE alarm, once its cause is gone. */
    static Plan disarm(ClusterSession cluster, List<EtcdMember> members) {
        LifecycleSession session = session(cluster, members);
        return new Plan("disarm", cluster.inventory().clusterName(), List.of(
                PlannedStep.onCluster(new ClusterReadyGuardStep(session, "disarmed", false)),
                PlannedStep.onEach(new DisarmNospaceStep(session, false), hosts(session))));
    }

    /** etcd's cure for NOSPACE: snapshot, compact, defragment every member, then disarm. */
    static Plan recoverSpace(ClusterSession cluster, List<EtcdMember> members, long currentRevision,
                             Set<String> leaderHosts, CompactRequest compact, DefragRequest defrag) {
        LifecycleSession session = session(cluster, members);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new ClusterReadyGuardStep(session, "maintained", true)));
        List<PlannedStep> compaction = compaction(session, currentRevision, compact);
        CompactStep compactStep = (CompactStep) compaction.get(compaction.size() - 1).step();
        steps.addAll(compaction);
        steps.addAll(defragmentation(session, leaderHosts, defrag, compactStep::compactedNow));
        steps.add(PlannedStep.onEach(new DisarmNospaceStep(session, true), hosts(session)));
        return new Plan("nospace", cluster.inventory().clusterName(), steps);
    }

    private static List<PlannedStep> compaction(LifecycleSession session, long current, CompactRequest request) {
        long target = request.target(current);
        if (target > current) {
            throw new MaintenanceException("revision " + target + " is in the future: the cluster is at revision "
                    + current, "give a revision up to " + current + ", or use --keep-revisions");
        }
        CompactStep compact = new CompactStep(session, target, request.describe() + "; current revision " + current);
        return List.of(
                PlannedStep.onCluster(new SnapshotStep(session, "before compact", compact::alreadyDone)),
                PlannedStep.onCluster(compact));
    }

    /** One step per member so they run one after the other; the leader (when observed) last. */
    private static List<PlannedStep> defragmentation(LifecycleSession session, Set<String> leaderHosts,
                                                     DefragRequest request, BooleanSupplier compactedInThisRun) {
        List<EtcdMember> order = new ArrayList<>(session.members());
        order.sort(Comparator.comparing(m -> leaderHosts.contains(m.hostName())));
        return order.stream().map(m -> PlannedStep.onEach(new DefragMemberStep(session, m.memberName(), request,
                leaderHosts.contains(m.hostName()), compactedInThisRun), List.of(m.hostName()))).toList();
    }

    private static List<String> hosts(LifecycleSession session) {
        return session.members().stream().map(EtcdMember::hostName).toList();
    }

    private static LifecycleSession session(ClusterSession cluster, List<EtcdMember> members) {
        return new LifecycleSession(cluster, new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)),
                HEALTH_TIMEOUT, members, InitialClusterState.EXISTING);
    }
}
