package dev.quorum.app.wizard;

import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.engine.report.TargetState;

/**
 * One step on one host on the run page: its state (core's words) with an icon, never colour alone,
 * and the message shown as its tooltip.
 */
public record Cell(TargetState state, String message) {
    public static final Cell WAITING = new Cell(TargetState.WAITING, "");
    public static final Cell RUNNING = new Cell(TargetState.RUNNING, "");

    public static Cell of(StepStatus status, String message) {
        return new Cell(TargetState.of(status), message);
    }

    public String word() {
        return state.word();
    }

    /** An Ikonli Material Design 2 icon literal. */
    public String icon() {
        return switch (state) {
            case WAITING, WOULD_CHANGE -> "mdi2p-progress-clock";
            case RUNNING -> "mdi2s-sync";
            case OK -> "mdi2c-check-circle-outline";
            case CHANGED -> "mdi2c-check-circle";
            case NOT_RUN -> "mdi2m-minus-circle-outline";
            case FAILED -> "mdi2c-close-circle-outline";
        };
    }
}
