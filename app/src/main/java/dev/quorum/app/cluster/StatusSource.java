package dev.quorum.app.cluster;

import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.etcd.ClusterStatus;
import java.util.Optional;

/** Where a cluster's status comes from. {@link #read()} and {@link #hostFacts} may block on the network: never call it on the UI thread. */
public interface StatusSource extends AutoCloseable {

    ClusterStatus read() throws Exception;

    /**
     * One member's host side for its details (the etcd service, the served certificate); may
     * block on SSH and TLS. Sources that reach no hosts say they did not read it.
     */
    default HostFacts hostFacts(String hostName, String endpointUrl) {
        return HostFacts.UNAVAILABLE;
    }

    /** How the last read reached each member's etcd (direct or through SSH tunnels); never blocks. */
    default Optional<EtcdRoutes> etcdRoutes() {
        return Optional.empty();
    }

    @Override
    void close();
}
