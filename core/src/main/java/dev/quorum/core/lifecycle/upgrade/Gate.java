package dev.quorum.core.lifecycle.upgrade;

/** The upgrade's guards, in the order they are checked. */
public enum Gate {
    /** A member's client port or host did not answer: its state is unknown. */
    UNREACHABLE,
    /** A member does not answer with a leader. */
    UNHEALTHY,
    /** An alarm is raised (NOSPACE, CORRUPT). */
    ALARMS,
    /** The target is older than what runs (downgrade). */
    DOWNGRADE,
    /** Another major version, or more than one minor at once. */
    ONE_MINOR_AT_A_TIME,
    /** 3.4 -> 3.5 with authentication enabled (the WAL format for auth changed). */
    AUTH_ENABLED,
    /** 3.5 -> 3.6 from a 3.5 patch older than the etcd docs' minimum. */
    MINIMUM_PATCH,
    /** 3.5 -> 3.6 with custom v2 content, or the check could not run. */
    V2_STORE,
    /** 3.5 -> 3.6 with a current member marked removed in a member's v3 store, or the read failed (decision 0067). */
    REMOVED_MARKS,
    /** Not enough room on a host or on this workstation. */
    DISK,
    /** A rollback asked of a cluster that is not mixed, or without kept binaries. */
    ROLLBACK,
    /**
     * The events cluster runs the main cluster's binary (decision 0043): it may not fall more than one hop behind
     * the main cluster, never run newer than the binary rolled back to, and follows only once the main cluster runs
     * the target.
     */
    EVENTS_CLUSTER
}
