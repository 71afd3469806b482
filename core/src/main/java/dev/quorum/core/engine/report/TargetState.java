package dev.quorum.core.engine.report;

import dev.quorum.core.engine.StepStatus;

/**
 * One step on one target as every face shows it: not started yet, running, or how it ended, each with its
 * one word (Kubespray's where it has one). A target the run never reached and one it stopped while it ran
 * are both {@link #NOT_RUN}: the step did not do its work there, and running the same plan again will.
 */
public enum TargetState {
    WAITING("waiting"),
    RUNNING("running"),
    OK("ok"),
    CHANGED("changed"),
    /** A preview found the change needed: it would change. */
    WOULD_CHANGE("would change"),
    NOT_RUN("not run"),
    FAILED("FAILED");

    private final String word;

    TargetState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static TargetState of(StepStatus status) {
        return switch (status) {
            case OK -> OK;
            case CHANGED -> CHANGED;
            case PENDING -> WOULD_CHANGE;
            case SKIPPED, NOT_RUN -> NOT_RUN;
            case FAILED -> FAILED;
        };
    }
}
