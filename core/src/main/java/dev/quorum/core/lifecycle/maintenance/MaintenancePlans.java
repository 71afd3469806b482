package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.SnapshotStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Compact, defragment, disarm, and all three in etcd's order for a NOSPACE alarm. Each reads the
 * live cluster, then builds a plan whose steps check again when they run: a re-run skips what is
 * done (history already compacted, members with nothing to reclaim, alarms already gone).
 */
public final class MaintenancePlans {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);
    private static final long READ_SECONDS = 10;

    private MaintenancePlans() {
    }

    /** Guard (quorum) -> snapshot -> compact. */
    public static Plan compact(ClusterSession cluster, CompactRequest request) {
        LifecycleSession session = session(cluster);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new ClusterReadyGuardStep(session, "compacted", false)));
        steps.addAll(compaction(session, request));
        return new Plan("compact", cluster.inventory().clusterName(), steps);
    }

    /** Guard (every member answers) -> each member in turn, followers first, the leader last. */
    public static Plan defrag(ClusterSession cluster, DefragRequest request) {
        LifecycleSession session = session(cluster);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new ClusterReadyGuardStep(session, "defragmented", true)));
        steps.addAll(defragmentation(session, request, () -> false));
        return new Plan("defrag", cluster.inventory().clusterName(), steps);
    }

    /** Guard (quorum) -> each member's NOSPACE alarm, once its cause is gone. */
    public static Plan disarm(ClusterSession cluster) {
        LifecycleSession session = session(cluster);
        return new Plan("disarm", cluster.inventory().clusterName(), List.of(
                PlannedStep.onCluster(new ClusterReadyGuardStep(session, "disarmed", false)),
                PlannedStep.onEach(new DisarmNospaceStep(session, false), hosts(session))));
    }

    /** etcd's cure for NOSPACE: snapshot, compact, defragment every member, then disarm. */
    public static Plan recoverSpace(ClusterSession cluster, CompactRequest compact, DefragRequest defrag) {
        LifecycleSession session = session(cluster);
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new ClusterReadyGuardStep(session, "maintained", true)));
        List<PlannedStep> compaction = compaction(session, compact);
        CompactStep compactStep = (CompactStep) compaction.get(compaction.size() - 1).step();
        steps.addAll(compaction);
        steps.addAll(defragmentation(session, defrag, compactStep::compactedNow));
        steps.add(PlannedStep.onEach(new DisarmNospaceStep(session, true), hosts(session)));
        return new Plan("nospace", cluster.inventory().clusterName(), steps);
    }

    private static List<PlannedStep> compaction(LifecycleSession session, CompactRequest request) {
        long current = currentRevision(session.cluster());
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

    /** One step per member so they run one after the other; the leader (at plan time) last. */
    private static List<PlannedStep> defragmentation(LifecycleSession session, DefragRequest request,
                                                     BooleanSupplier compactedInThisRun) {
        ClusterStatus status = LiveCluster.read(session.cluster()).probe(session.cluster());
        List<EtcdMember> order = new ArrayList<>(session.members());
        order.sort((a, b) -> Boolean.compare(isLeader(status, a), isLeader(status, b)));
        return order.stream().map(m -> PlannedStep.onEach(
                new DefragMemberStep(session, m.memberName(), request, isLeader(status, m), compactedInThisRun),
                List.of(m.hostName()))).toList();
    }

    private static boolean isLeader(ClusterStatus status, EtcdMember member) {
        return status.members().stream().filter(s -> s.endpoint().equals(member.clientUrl()))
                .map(MemberStatus::status).flatMap(java.util.Optional::stream).anyMatch(EndpointStatus::isLeader);
    }

    private static long currentRevision(ClusterSession cluster) {
        try {
            return cluster.sharedEtcd().linearizableRevision().get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaintenanceException("interrupted while reading the current revision", "run the command again");
        } catch (Exception e) {
            throw new MaintenanceException("cannot read the current revision of cluster "
                    + cluster.inventory().clusterName() + ": " + e.getMessage(),
                    "compaction needs a cluster with quorum; see quorum status and quorum diagnose");
        }
    }

    private static List<String> hosts(LifecycleSession session) {
        return session.members().stream().map(EtcdMember::hostName).toList();
    }

    /** The started members the inventory names: the ones this workstation can reach over SSH too. */
    static LifecycleSession session(ClusterSession cluster) {
        LiveCluster live = LiveCluster.read(cluster);
        List<EtcdMember> members = live.members().stream()
                .filter(m -> !m.memberName().isEmpty() && live.inInventory(m)).toList();
        if (members.isEmpty()) {
            throw new MaintenanceException("no member of cluster " + cluster.inventory().clusterName()
                    + " is on an inventory host", "check the inventory's etcd group against quorum status");
        }
        return new LifecycleSession(cluster, new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)),
                HEALTH_TIMEOUT, members, InitialClusterState.EXISTING);
    }
}
