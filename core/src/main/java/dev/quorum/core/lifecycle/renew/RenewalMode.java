package dev.quorum.core.lifecycle.renew;

/** How renewed certificates reach the members. */
enum RenewalMode {
    /** Not decided yet: the guard decides when it runs. */
    UNDECIDED,
    /** The cluster has quorum: one member at a time, health verified before the next. */
    ROLLING,
    /**
     * No quorum (typically every member's certificate expired): new files everywhere, then every
     * member restarts together, as no one-at-a-time order can bring back a cluster that is down.
     */
    ALL_AT_ONCE
}
