package dev.quorum.app.wizard;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a wizard is. Inputs are edited, then the plan is reviewed, then run; a failed or cancelled
 * run can be reviewed (rebuilt against the cluster as it is now) and run again.
 */
public enum WizardState {
    EDITING, REVIEWING, RUNNING, FINISHED, FAILED, CANCELLED;

    /** The states this one may move to. */
    public Set<WizardState> next() {
        return switch (this) {
            case EDITING -> EnumSet.of(REVIEWING);
            case REVIEWING -> EnumSet.of(EDITING, RUNNING);
            case RUNNING -> EnumSet.of(FINISHED, FAILED, CANCELLED);
            case FAILED, CANCELLED -> EnumSet.of(REVIEWING);
            case FINISHED -> EnumSet.noneOf(WizardState.class);
        };
    }

    public boolean canMoveTo(WizardState target) {
        return next().contains(target);
    }

    /** The run has ended, one way or another. */
    public boolean ended() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
