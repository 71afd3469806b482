package dev.quorum.app.wizard;

import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.ActionableError;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The background part of a run: each plan of the source in turn, each with its run log, stopping
 * at the first that does not succeed. Never touches the UI.
 */
final class PlanRunJob implements Callable<RunReport> {
    private final QuorumHome home;
    private final PlanSource source;
    private final PreparedPlan first;
    private final RunListener listener;
    private final Cancellation cancellation;

    PlanRunJob(QuorumHome home, PlanSource source, PreparedPlan first, RunListener listener, Cancellation cancellation) {
        this.home = home;
        this.source = source;
        this.first = first;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    @Override
    public RunReport call() {
        Instant start = Instant.now();
        RunSummary total = RunSummary.empty();
        List<RunEvent.TargetFinished> failures = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        List<String> afterwards = new ArrayList<>();
        RunOutcome outcome = RunOutcome.SUCCEEDED;
        String problem = "";
        try {
            for (int part = 0; part < source.parts() && outcome == RunOutcome.SUCCEEDED; part++) {
                if (part > 0 && cancellation.isCancelled()) {
                    outcome = RunOutcome.CANCELLED;
                    break;
                }
                PreparedPlan prepared = part == 0 ? first : source.build(part);
                PlanRuns.LoggedRun run = PlanRuns.apply(home, prepared.plan(), listener, cancellation);
                logs.add(run.logFile());
                total = total.plus(run.result().summary());
                failures.addAll(run.result().failures());
                outcome = run.result().outcome();
                if (outcome == RunOutcome.SUCCEEDED) {
                    afterwards.addAll(prepared.afterwards());
                }
            }
        } catch (Exception e) {
            outcome = RunOutcome.FAILED;
            String hint = e instanceof ActionableError actionable ? actionable.hint() : "";
            problem = e.getMessage() + (hint.isBlank() ? "" : "\nWhat to do: " + hint);
        } finally {
            source.close();
        }
        return new RunReport(outcome, total, Duration.between(start, Instant.now()), failures, logs,
                outcome == RunOutcome.SUCCEEDED ? afterwards : List.of(), problem);
    }
}
