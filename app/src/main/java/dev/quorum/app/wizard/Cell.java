package dev.quorum.app.wizard;

import dev.quorum.core.engine.StepStatus;

/**
 * One step on one host on the run page: waiting, running, or its result; always an icon and a
 * word, never colour alone.
 */
public record Cell(Mark mark, String message) {
    public enum Mark { WAITING, RUNNING, OK, CHANGED, SKIPPED, FAILED }

    public static final Cell WAITING = new Cell(Mark.WAITING, "");
    public static final Cell RUNNING = new Cell(Mark.RUNNING, "");

    public static Cell of(StepStatus status, String message) {
        Mark mark = switch (status) {
            case OK -> Mark.OK;
            case CHANGED -> Mark.CHANGED;
            case PENDING -> Mark.WAITING;
            case SKIPPED, NOT_RUN -> Mark.SKIPPED;
            case FAILED -> Mark.FAILED;
        };
        return new Cell(mark, message);
    }

    public String word() {
        return switch (mark) {
            case WAITING -> "waiting";
            case RUNNING -> "running";
            case OK -> "ok";
            case CHANGED -> "changed";
            case SKIPPED -> "skipped";
            case FAILED -> "FAILED";
        };
    }

    public String icon() {
        return switch (mark) {
            case WAITING -> "mdi2p-progress-clock";
            case RUNNING -> "mdi2s-sync";
            case OK -> StatusWords.icon(StepStatus.OK);
            case CHANGED -> StatusWords.icon(StepStatus.CHANGED);
            case SKIPPED -> StatusWords.icon(StepStatus.SKIPPED);
            case FAILED -> StatusWords.icon(StepStatus.FAILED);
        };
    }
}
