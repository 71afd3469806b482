package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;

/**
 * The member life-cycles' entry points: observe the live member list, build the plan from it
 * ({@link MemberPlanner}, pure), and send the plan's etcd requests to the members that neither leave nor join.
 * Each plan's steps check again when they run, so a re-run finishes an interrupted change and a finished one
 * changes nothing.
 */
public final class MemberPlans {
    private MemberPlans() {
    }

    public static MemberChange add(ClusterSession cluster, AddRequest request) {
        return observed(cluster, MemberPlanner.add(cluster, LiveCluster.read(cluster), request));
    }

    public static MemberChange remove(ClusterSession cluster, RemoveRequest request) {
        return observed(cluster, MemberPlanner.remove(cluster, LiveCluster.read(cluster), request));
    }

    public static MemberChange replace(ClusterSession cluster, ReplaceRequest request) {
        return observed(cluster, MemberPlanner.replace(cluster, LiveCluster.read(cluster), request));
    }

    private static MemberChange observed(ClusterSession cluster, MemberChange change) {
        cluster.preferMembers(change.sendTo());
        return change;
    }
}
