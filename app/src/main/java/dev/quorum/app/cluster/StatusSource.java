package dev.quorum.app.cluster;

import dev.quorum.core.etcd.ClusterStatus;

/** Where a cluster's status comes from. {@link #read()} may block on the network: never call it on the UI thread. */
public interface StatusSource extends AutoCloseable {

    ClusterStatus read() throws Exception;

    @Override
    void close();
}
