package dev.quorum.core.engine;

import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Runs a plan the way every front end does: the same parallelism, and for a real run a run log
 * {@code ~/.quorum/clusters/NAME/runs/TIME-LIFECYCLE.jsonl}. The CLI and the wizards share it so a
 * run from either leaves the same trace.
 */
public final class PlanRuns {
    public static final int PARALLELISM = 16;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** A finished real run and where its log is. */
    public record LoggedRun(RunResult result, Path logFile) {
    }

    private PlanRuns() {
    }

    /** Only the read-only checks: what would change. Nothing is logged, as nothing changes. */
    public static RunResult preview(Plan plan, RunListener listener) {
        return new Runner(listener, PARALLELISM, new Cancellation()).run(plan, RunMode.PREVIEW);
    }

    /**
     * Checks, applies and verifies; every event goes to {@code listener} and to a new run log. Refused with
     * {@link RunLockedException} while another run of this workstation changes the same cluster.
     */
    public static LoggedRun apply(QuorumHome home, Plan plan, RunListener listener, Cancellation cancellation) {
        home.tightenCluster(plan.cluster()); // a run log lands in the cluster's folder: it must be private
        try (RunLock lock = RunLock.acquire(home, plan); RunLog log = RunLog.create(newLogFile(home, plan))) {
            RunResult result = new Runner(RunListener.all(listener, log), PARALLELISM, cancellation)
                    .run(plan, RunMode.APPLY);
            return new LoggedRun(result, log.file());
        }
    }

    /** {@code TIME-LIFECYCLE.jsonl}; two runs within one millisecond get {@code TIME-LIFECYCLE-2.jsonl}. */
    public static Path newLogFile(QuorumHome home, Plan plan) {
        String stem = FILE_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + plan.lifecycle();
        Path file = home.runs(plan.cluster()).resolve(stem + ".jsonl");
        for (int n = 2; Files.exists(file) && n < 1000; n++) {
            file = home.runs(plan.cluster()).resolve(stem + "-" + n + ".jsonl");
        }
        return file;
    }
}
