package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.engine.StepStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal says a run in core's words (engine.report) and lays them out its own way. */
class ConsoleReporterTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static String print(RunMode mode, RunOutcome outcome, RunSummary summary, RunEvent.TargetFinished... results) {
        StringWriter text = new StringWriter();
        ConsoleReporter reporter = new ConsoleReporter(new PrintWriter(text));
        reporter.on(new RunEvent.RunStarted(T, "r1", "install", "demo", mode, List.of("Write the env file", "Start")));
        reporter.on(new RunEvent.StepStarted(T, 0, "Write the env file", List.of("lab1", "lab2")));
        reporter.on(new RunEvent.TargetOutput(T, 0, "lab1", LogLevel.WARN, "slow disk"));
        for (RunEvent.TargetFinished result : results) {
            reporter.on(result);
        }
        reporter.on(new RunEvent.RunFinished(T, outcome, summary, Duration.ofMillis(9_800)));
        return text.toString();
    }

    private static RunEvent.TargetFinished result(int step, String target, StepStatus status, String message) {
        return new RunEvent.TargetFinished(T, step, target, status, message, "", Duration.ZERO);
    }

    @Test
    void aPreviewSaysWhatWouldChange() {
        String out = print(RunMode.PREVIEW, RunOutcome.SUCCEEDED, new RunSummary(1, 0, 1, 0, 0),
                result(0, "lab1", StepStatus.PENDING, "missing"), result(0, "lab2", StepStatus.OK, "as wanted"));

        assertThat(out).contains("Plan install on cluster demo (2 steps)", "[1/2] Write the env file",
                "      lab1 | warning: slow disk", "  would change lab1         missing",
                "  ok           lab2         as wanted",
                "plan ready; nothing was changed: 1 ok, 0 changed, 1 would change, 0 failed in 9.8 s");
    }

    @Test
    void aCancelledRunSaysNotRunAndLeavesOutTargetsItNeverReached() {
        String out = print(RunMode.APPLY, RunOutcome.CANCELLED, new RunSummary(0, 1, 0, 0, 3),
                result(0, "lab1", StepStatus.CHANGED, "missing"), result(0, "lab2", StepStatus.SKIPPED, "cancelled"),
                result(1, "lab1", StepStatus.NOT_RUN, ""), result(1, "lab2", StepStatus.NOT_RUN, ""));

        assertThat(out).contains("  changed  lab1         missing", "  not run  lab2         cancelled",
                "cancelled; run the same command again to continue: 0 ok, 1 changed, 0 failed, 3 not run in 9.8 s");
        assertThat(out.lines().filter(line -> line.contains("not run  "))).hasSize(1);
    }
}
