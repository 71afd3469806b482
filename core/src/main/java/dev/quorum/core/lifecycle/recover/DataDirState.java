package dev.quorum.core.lifecycle.recover;

/** What is in the member's data dir, as far as a quick look tells. */
public enum DataDirState {
    /** {@code member/snap/db} is there. */
    PRESENT,
    /** {@code member/} exists without a backend database: a data dir that was lost and started afresh. */
    INCOMPLETE,
    /** No {@code member/} directory at all. */
    MISSING,
    /** Not looked at: the host could not be reached. */
    UNKNOWN
}
