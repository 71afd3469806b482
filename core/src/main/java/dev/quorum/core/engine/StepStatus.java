package dev.quorum.core.engine;

/** What a step did on one target, in Kubespray's words. */
public enum StepStatus {
    /** Already as wanted: nothing was changed. */
    OK,
    /** The change was applied and verified. */
    CHANGED,
    /** Would change (preview only). */
    PENDING,
    /** Not run because the run stopped before it (failure or cancel). */
    SKIPPED,
    FAILED
}
