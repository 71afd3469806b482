package dev.quorum.core.lifecycle.upgrade;

/** Whether the cluster has authentication enabled: a 3.4 cluster with auth cannot be rolling-upgraded to 3.5. */
public enum AuthState {
    DISABLED,
    ENABLED,
    /** Not asked (no 3.4 member) or no answer. */
    UNKNOWN
}
