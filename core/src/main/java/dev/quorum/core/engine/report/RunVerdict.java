package dev.quorum.core.engine.report;

import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import java.time.Duration;
import java.util.Locale;

/** How a run ended, in the words every face uses: the verdict and the counts, named as {@link TargetState} names them. */
public final class RunVerdict {
    private RunVerdict() {
    }

    /** "done: 3 ok, 36 changed, 0 failed in 9.8 s", "cancelled; run the same command again ...". */
    public static String describe(RunMode mode, RunOutcome outcome, RunSummary s, Duration took) {
        return verdict(mode, outcome, s) + ": " + counts(mode, s) + " in "
                + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }

    /** "3 ok, 36 changed, 0 failed" (a preview also says how many would change, any run how many did not run). */
    public static String counts(RunMode mode, RunSummary s) {
        return s.ok() + " " + TargetState.OK.word() + ", " + s.changed() + " " + TargetState.CHANGED.word() + ", "
                + (mode == RunMode.PREVIEW ? s.pending() + " " + TargetState.WOULD_CHANGE.word() + ", " : "")
                + s.failed() + " failed" + (s.skipped() > 0 ? ", " + s.skipped() + " " + TargetState.NOT_RUN.word() : "");
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
