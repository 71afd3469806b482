package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Compact, defragment, disarm, and all three in etcd's order for a NOSPACE alarm. Each observes the live
 * cluster (its members, and the current revision or the leader when the plan needs them), then builds its plan
 * with {@link MaintenancePlanner} (pure), whose steps check again when they run: a re-run skips what is done
 * (history already compacted, members with nothing to reclaim, alarms already gone).
 */
public final class MaintenancePlans {
    private static final long READ_SECONDS = 10;

    private MaintenancePlans() {
    }

    /** Guard (quorum) -> snapshot -> compact. */
    public static Plan compact(ClusterSession cluster, CompactRequest request) {
        List<EtcdMember> members = members(cluster, LiveCluster.read(cluster));
        return MaintenancePlanner.compact(cluster, members, currentRevision(cluster), request);
    }

    /** Guard (every member answers) -> each member in turn, followers first, the leader last. */
    public static Plan defrag(ClusterSession cluster, DefragRequest request) {
        LiveCluster live = LiveCluster.read(cluster);
        List<EtcdMember> members = members(cluster, live);
        return MaintenancePlanner.defrag(cluster, members, leaderHosts(cluster, live, members), request);
    }

    /** Guard (quorum) -> each member's NOSPACE alarm, once its cause is gone. */
    public static Plan disarm(ClusterSession cluster) {
        return MaintenancePlanner.disarm(cluster, members(cluster, LiveCluster.read(cluster)));
    }

    /** etcd's cure for NOSPACE: snapshot, compact, defragment every member, then disarm. */
    public static Plan recoverSpace(ClusterSession cluster, CompactRequest compact, DefragRequest defrag) {
        LiveCluster live = LiveCluster.read(cluster);
        List<EtcdMember> members = members(cluster, live);
        long revision = currentRevision(cluster);
        return MaintenancePlanner.recoverSpace(cluster, members, revision, leaderHosts(cluster, live, members),
                compact, defrag);
    }

    /** The started members the inventory names: the ones this workstation can reach over SSH too. */
    private static List<EtcdMember> members(ClusterSession cluster, LiveCluster live) {
        List<EtcdMember> members = live.members().stream()
                .filter(m -> !m.memberName().isEmpty() && live.inInventory(m)).toList();
        if (members.isEmpty()) {
            throw new MaintenanceException("no member of cluster " + cluster.inventory().clusterName()
                    + " is on an inventory host", "check the inventory's etcd group against quorum status");
        }
        return members;
    }

    /** The hosts of the members that say they lead now (one, unless an old leader has not heard yet). */
    private static Set<String> leaderHosts(ClusterSession cluster, LiveCluster live, List<EtcdMember> members) {
        ClusterStatus status = live.probe(cluster);
        return members.stream().filter(m -> status.members().stream()
                        .filter(s -> s.endpoint().equals(m.clientUrl())).map(MemberStatus::status)
                        .flatMap(Optional::stream).anyMatch(EndpointStatus::isLeader))
                .map(EtcdMember::hostName).collect(Collectors.toSet());
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
}
