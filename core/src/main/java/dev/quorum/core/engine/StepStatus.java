package dev.quorum.core.engine;

/** What a step did on one target, in Kubespray's words. */
public enum StepStatus {
    /** Already as wanted: nothing was changed. */
    OK,
    /** The change was applied and verified. */
    CHANGED,
    /** Would change (preview only). */
    PENDING,
    /** Stopped while it ran: the run was cancelled. */
    SKIPPED,
    /** Never started: an earlier step failed or the run was cancelled before it. */
    NOT_RUN,
    FAILED
}
