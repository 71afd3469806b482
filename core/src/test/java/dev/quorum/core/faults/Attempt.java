package dev.quorum.core.faults;

import dev.quorum.core.ActionableError;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.labtest.LabCluster;

/**
 * One life-cycle run as a user sees it: refused while the plan was built (the exception's message
 * and hint, as the CLI prints them), or run to an outcome with its first failure.
 */
record Attempt(String stage, RunOutcome outcome, String message, LabCluster.Outcome run) {
    static final String AT_PLAN = "plan";
    static final String AT_RUN = "run";

    static Attempt of(LabCluster cluster, LabCluster.PlanFactory factory) {
        try {
            LabCluster.Outcome outcome = cluster.run(factory);
            return new Attempt(AT_RUN, outcome.result().outcome(), outcome.firstFailure(), outcome);
        } catch (RuntimeException refused) {
            String hint = refused instanceof ActionableError actionable ? " / " + actionable.hint() : "";
            return new Attempt(AT_PLAN, RunOutcome.FAILED, refused.getMessage() + hint, null);
        }
    }

    String log() {
        return stage + " " + outcome + ": " + message + (run == null ? "" : "\n" + run.log());
    }
}
