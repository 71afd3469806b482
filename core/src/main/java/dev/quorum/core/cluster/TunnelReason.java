package dev.quorum.core.cluster;

/** Why a session's etcd connections go through SSH tunnels, for the CLI and the app to word as they like. */
public enum TunnelReason {
    /** The inventory's {@code quorum_etcd_via_ssh: true}. */
    INVENTORY,
    /** {@code --etcd-via-ssh} on the command line (or the app's equivalent). */
    REQUESTED,
    /** A TCP connect from this workstation to the member's client port got no answer. */
    CLIENT_PORT_UNREACHABLE
}
