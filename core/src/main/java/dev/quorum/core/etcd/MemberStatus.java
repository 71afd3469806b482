package dev.quorum.core.etcd;

import dev.quorum.core.release.EtcdVersion;
import java.util.Optional;

/**
 * One inventory member as seen from the workstation: its own status if its endpoint answered,
 * else why not.
 *
 * @param refused its client port refused the connection: nothing listens there (the host's own answer), which a
 *                moment's wait does not change, unlike a slow answer or an election
 */
public record MemberStatus(String hostName, String memberName, String endpoint, Optional<EndpointStatus> status,
                           String error, boolean refused) {

    public MemberStatus(String hostName, String memberName, String endpoint, Optional<EndpointStatus> status,
                        String error) {
        this(hostName, memberName, endpoint, status, error, false);
    }

    public boolean reachable() {
        return status.isPresent();
    }

    /** The etcd version the member runs, as it told; empty when it did not answer (or named none). */
    public Optional<EtcdVersion> version() {
        return status.flatMap(s -> EtcdVersion.tryParse(s.version()));
    }

    public boolean healthy() {
        return status.map(s -> s.hasLeader() && s.errors().isEmpty()).orElse(false);
    }
}
