package dev.quorum.core.engine;

public enum RunMode {
    /** Check, apply and verify. */
    APPLY,
    /** Only the read-only checks: what would change. */
    PREVIEW
}
