package dev.quorum.app.cli;

import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.report.RunLines;
import dev.quorum.core.engine.report.RunVerdict;
import dev.quorum.core.engine.report.TargetState;
import java.io.PrintWriter;

/**
 * Prints a run as it happens: each step with its number, each target's result in the words every
 * face uses ({@link TargetState}), live output prefixed by host, and the verdict ({@link RunVerdict}).
 * Only the layout is the terminal's own.
 */
final class ConsoleReporter implements RunListener {
    private final PrintWriter out;
    private int stepCount;
    private RunMode mode = RunMode.APPLY;

    ConsoleReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            stepCount = started.stepTitles().size();
            mode = started.mode();
            out.println((mode == RunMode.PREVIEW ? "Plan" : "Running") + " " + started.lifecycle()
                    + " on cluster " + started.cluster() + " (" + stepCount + " steps)");
        } else if (event instanceof RunEvent.StepStarted step) {
            out.println(String.format("%n[%d/%d] %s", step.step() + 1, stepCount, step.title()));
        } else if (event instanceof RunEvent.TargetOutput output && output.level() != LogLevel.DEBUG) {
            out.println("      " + output.target() + " | " + prefix(output.level()) + output.line());
        } else if (event instanceof RunEvent.TargetFinished finished) {
            printResult(finished);
        } else if (event instanceof RunEvent.RunFinished finished) {
            printSummary(finished);
        }
        out.flush();
    }

    private void printResult(RunEvent.TargetFinished finished) {
        if (!RunLines.shows(finished)) {
            return;
        }
        // a preview's "would change" is wider than a run's words: its column is too
        String column = mode == RunMode.PREVIEW ? "  %-12s %-12s %s" : "  %-8s %-12s %s";
        out.println(String.format(column, TargetState.of(finished.status()).word(), finished.target(),
                finished.message()));
        if (!finished.hint().isBlank()) {
            out.println("           what to do: " + finished.hint());
        }
    }

    private void printSummary(RunEvent.RunFinished finished) {
        out.println();
        out.println(RunVerdict.describe(mode, finished.outcome(), finished.summary(), finished.took()));
    }

    private static String prefix(LogLevel level) {
        return switch (level) {
            case WARN -> "warning: ";
            case ERROR -> "error: ";
            default -> "";
        };
    }
}
