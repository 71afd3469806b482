package dev.quorum.core.cluster;

/** How a session chooses each member's {@link dev.quorum.core.etcd.EtcdRoute}. */
public enum EtcdRoutePolicy {
    /** Always straight to the client port, as before tunnels existed: a blocked port is reported, not avoided. */
    DIRECT_ONLY,
    /** Straight where the client port answers a TCP connect from here, through SSH where it does not. */
    AUTO,
    /** Through SSH for every member ({@code --etcd-via-ssh}). */
    SSH_ALWAYS
}
