package dev.quorum.app.cluster;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import java.util.List;

/** Sorts one member of a status into a {@link MemberState}, and finds the alarms raised on it. */
final class MemberStates {
    private MemberStates() {
    }

    static MemberState of(MemberStatus member, ClusterStatus cluster) {
        if (member.status().isEmpty()) {
            return MemberState.UNREACHABLE;
        }
        EndpointStatus own = member.status().get();
        boolean listed = cluster.memberList().isEmpty()
                || cluster.memberList().stream().anyMatch(m -> m.id() == own.memberId());
        if (!listed) {
            return MemberState.NOT_LISTED;
        }
        if (!own.hasLeader()) {
            return MemberState.NO_LEADER;
        }
        if (own.learner()) {
            return MemberState.LEARNER;
        }
        return own.isLeader() ? MemberState.LEADER : MemberState.FOLLOWER;
    }

    /** etcd names the member of an alarm by its id: "NOSPACE on 8211f1d0f64f3269". */
    static List<String> alarmsOf(MemberStatus member, ClusterStatus cluster) {
        return member.status().map(s -> Long.toHexString(s.memberId()))
                .map(id -> cluster.alarms().stream().filter(a -> a.endsWith(" on " + id))
                        .map(a -> a.substring(0, a.indexOf(" on "))).toList())
                .orElse(List.of());
    }

    static ClusterHealth health(ClusterStatus status) {
        if (!status.quorum() && !status.members().isEmpty() && !status.anyAnswered()) {
            return ClusterHealth.UNKNOWN; // no answer from here is no evidence either way
        }
        if (!status.quorum()) {
            return ClusterHealth.QUORUM_LOST;
        }
        return status.healthy() ? ClusterHealth.HEALTHY : ClusterHealth.DEGRADED;
    }
}
