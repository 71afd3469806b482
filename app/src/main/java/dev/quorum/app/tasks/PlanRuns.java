package dev.quorum.app.tasks;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Runs a plan from the app as the CLI does: with a run log under the cluster's runs folder (the
 * same file name pattern), its events also going to a live listener. Blocks: call in the background.
 */
public final class PlanRuns {
    private static final int PARALLELISM = 16;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private PlanRuns() {
    }

    public static RunResult run(Plan plan, QuorumHome home, RunListener live, Cancellation cancellation) {
        Path file = home.runs(plan.cluster()).resolve(FILE_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
                + "-" + plan.lifecycle() + ".jsonl");
        try (RunLog log = RunLog.create(file)) {
            return new Runner(RunListener.all(log, live), PARALLELISM, cancellation).run(plan, RunMode.APPLY);
        }
    }
}
