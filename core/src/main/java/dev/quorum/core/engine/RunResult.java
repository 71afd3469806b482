package dev.quorum.core.engine;

import java.util.List;

/** How a run ended, and the failures worth telling the user about first. */
public record RunResult(String runId, RunOutcome outcome, RunSummary summary,
                        List<RunEvent.TargetFinished> failures) {
    public RunResult {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return outcome == RunOutcome.SUCCEEDED;
    }
}
