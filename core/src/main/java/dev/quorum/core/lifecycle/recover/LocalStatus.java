package dev.quorum.core.lifecycle.recover;

import java.util.List;

/**
 * A member's view of itself, asked on its own host through its loopback endpoint
 * ({@code etcdctl endpoint status}). IDs are etcd's hex spelling; a leader of "0" means none.
 */
public record LocalStatus(String memberId, String clusterId, String leaderId, long raftTerm, long raftIndex,
                          long dbSize, String version, boolean learner, List<String> errors) {
    public LocalStatus {
        errors = List.copyOf(errors);
    }

    public boolean hasLeader() {
        return !leaderId.equals("0");
    }

    public boolean isLeader() {
        return hasLeader() && leaderId.equals(memberId);
    }
}
