package dev.quorum.core.etcd;

/** How this workstation's etcd connections reach one member. */
public enum EtcdRoute {
    /** Straight to the member's client port ({@code https://ADDRESS:2379}). */
    DIRECT,
    /** Through a local port forward over the SSH connection to the member's host, to its {@code 127.0.0.1:2379}. */
    SSH_TUNNEL
}
