package dev.quorum.core.etcd;

import java.util.Optional;

/**
 * One inventory member as seen from the workstation: its own status if its endpoint answered,
 * else why not.
 */
public record MemberStatus(String hostName, String memberName, String endpoint, Optional<EndpointStatus> status,
                           String error) {

    public boolean reachable() {
        return status.isPresent();
    }

    public boolean healthy() {
        return status.map(s -> s.hasLeader() && s.errors().isEmpty()).orElse(false);
    }
}
