package dev.quorum.core.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.engine.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one vocabulary of a run: each status has one word, the counts and the lines use the same. */
class RunLinesTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static RunEvent.TargetFinished finished(StepStatus status, String message, String hint) {
        return new RunEvent.TargetFinished(T, 0, "h1", status, message, hint, Duration.ZERO);
    }

    @Test
    void everyStatusHasOneWord() {
        assertThat(List.of(StepStatus.values())).extracting(s -> TargetState.of(s).word())
                .containsExactly("ok", "changed", "would change", "not run", "not run", "FAILED");
    }

    @Test
    void aResultSaysItsWordAndTheStateBefore() {
        assertThat(RunLines.result(finished(StepStatus.CHANGED, "missing", ""))).isEqualTo("changed (before: missing)");
        assertThat(RunLines.result(finished(StepStatus.PENDING, "missing", ""))).isEqualTo("would change: missing");
        assertThat(RunLines.result(finished(StepStatus.FAILED, "disk full", "free some space")))
                .isEqualTo("FAILED: disk full (what to do: free some space)");
        assertThat(RunLines.result(finished(StepStatus.SKIPPED, "cancelled", ""))).isEqualTo("not run: cancelled");
    }

    @Test
    void linesNameTheStepByItsTitleAndLeaveOutTargetsNeverReached() {
        RunLines lines = new RunLines();
        lines.of(new RunEvent.RunStarted(T, "r1", "install", "demo", RunMode.APPLY, List.of("Write", "Start")));

        assertThat(lines.of(new RunEvent.TargetOutput(T, 1, "h1", LogLevel.WARN, "slow")).orElseThrow().formatted())
                .isEqualTo("[h1] Start: slow");
        assertThat(lines.of(finished(StepStatus.NOT_RUN, "", ""))).isEmpty();
        assertThat(lines.of(finished(StepStatus.SKIPPED, "cancelled", "")).orElseThrow().level())
                .isEqualTo(LogLevel.WARN);
        assertThat(lines.of(new RunEvent.RunFinished(T, RunOutcome.CANCELLED, new RunSummary(1, 2, 0, 0, 3),
                Duration.ofMillis(5))).orElseThrow().text()).isEqualTo("run cancelled in 5 ms: 1 ok, 2 changed, 0 failed, 3 not run");
    }

    @Test
    void aPreviewCountsWhatWouldChange() {
        RunSummary summary = new RunSummary(3, 0, 2, 0, 0);

        assertThat(RunVerdict.describe(RunMode.PREVIEW, RunOutcome.SUCCEEDED, summary, Duration.ofMillis(1500)))
                .isEqualTo("plan ready; nothing was changed: 3 ok, 0 changed, 2 would change, 0 failed in 1.5 s");
        assertThat(RunVerdict.verdict(RunMode.PREVIEW, RunOutcome.SUCCEEDED, new RunSummary(3, 0, 0, 0, 0)))
                .isEqualTo("nothing to change");
        assertThat(RunVerdict.verdict(RunMode.APPLY, RunOutcome.SUCCEEDED, new RunSummary(3, 0, 0, 0, 0)))
                .isEqualTo("done, no changes");
    }
}
