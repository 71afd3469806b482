package dev.quorum.app.common;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import java.time.Duration;
import java.util.Locale;

/** A run in words, the same in the terminal, the wizards and the live log: each result, the counts, the verdict. */
public final class RunWords {
    private RunWords() {
    }

    /** A target's result as Kubespray says it: ok, changed, change (preview), skipped, not run, FAILED. */
    public static String word(StepStatus status) {
        return switch (status) {
            case OK -> "ok";
            case CHANGED -> "changed";
            case PENDING -> "change";
            case SKIPPED -> "skipped";
            case NOT_RUN -> "not run";
            case FAILED -> "FAILED";
        };
    }

    /** A target's result with its reason: the check's reason is the state before a change. */
    public static String result(RunEvent.TargetFinished f) {
        String text = switch (f.status()) {
            case CHANGED -> "changed" + (f.message().isBlank() ? "" : " (before: " + f.message() + ")");
            case PENDING -> "change: " + f.message();
            default -> word(f.status()) + (f.message().isBlank() ? "" : ": " + f.message());
        };
        return text + (f.hint().isBlank() ? "" : " (what to do: " + f.hint() + ")");
    }

    /** "done: 3 ok, 36 changed, 0 failed in 9.8 s", "cancelled; run the same command again ...". */
    public static String describe(RunMode mode, RunOutcome outcome, RunSummary s, Duration took) {
        return verdict(mode, outcome, s) + ": " + counts(mode, s) + " in "
                + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }

    /** "3 ok, 36 changed, 0 failed" (a preview also says how many would change). */
    public static String counts(RunMode mode, RunSummary s) {
        return s.ok() + " ok, " + s.changed() + " changed, "
                + (mode == RunMode.PREVIEW ? s.pending() + " to change, " : "")
                + s.failed() + " failed" + (s.skipped() > 0 ? ", " + s.skipped() + " not run" : "");
    }

    public static String verdict(RunMode mode, RunOutcome outcome, RunSummary s) {
        return switch (outcome) {
            case SUCCEEDED -> mode == RunMode.PREVIEW
                    ? (s.pending() == 0 ? "nothing to change" : "plan ready; nothing was changed")
                    : (s.nothingChanged() ? "done, no changes" : "done");
            case FAILED -> "FAILED";
            case CANCELLED -> "cancelled; run the same command again to continue";
        };
    }
}
