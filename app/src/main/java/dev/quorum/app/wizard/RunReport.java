package dev.quorum.app.wizard;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a wizard's run ended: the outcome over all its plans, the counts, the failures with their
 * hints, the run logs, and (after success) what to do next.
 */
public record RunReport(RunOutcome outcome, RunSummary summary, Duration took, List<RunEvent.TargetFinished> failures,
                        List<Path> logFiles, List<String> afterwards, String problem) {
    public RunReport {
        failures = List.copyOf(failures);
        logFiles = List.copyOf(logFiles);
        afterwards = List.copyOf(afterwards);
    }
}
