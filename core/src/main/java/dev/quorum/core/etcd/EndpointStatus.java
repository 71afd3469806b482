package dev.quorum.core.etcd;

import java.util.List;

/** One member's own view, from its client endpoint ({@code etcdctl endpoint status}). */
public record EndpointStatus(String endpoint, long memberId, String version, long leaderId, long raftTerm,
                             long raftIndex, long raftAppliedIndex, long dbSize, long dbSizeInUse, boolean learner,
                             List<String> errors) {
    public EndpointStatus {
        errors = List.copyOf(errors);
    }

    public boolean hasLeader() {
        return leaderId != 0;
    }

    public boolean isLeader() {
        return leaderId != 0 && leaderId == memberId;
    }
}
