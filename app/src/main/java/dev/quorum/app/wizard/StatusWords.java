package dev.quorum.app.wizard;

import dev.quorum.app.common.RunWords;
import dev.quorum.core.engine.StepStatus;

/** A target's result in the CLI's words and an icon, so the app never says it by colour alone. */
public final class StatusWords {
    private StatusWords() {
    }

    public static String word(StepStatus status) {
        return RunWords.word(status);
    }

    /** An Ikonli Material Design 2 icon literal. */
    public static String icon(StepStatus status) {
        return switch (status) {
            case OK -> "mdi2c-check-circle-outline";
            case CHANGED -> "mdi2c-check-circle";
            case PENDING -> "mdi2p-progress-clock";
            case SKIPPED, NOT_RUN -> "mdi2m-minus-circle-outline";
            case FAILED -> "mdi2c-close-circle-outline";
        };
    }
}
