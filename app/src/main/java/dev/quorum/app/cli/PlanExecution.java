package dev.quorum.app.cli;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.workspace.QuorumHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plan from the command line: previews it, asks, runs it with a live report and a run
 * log, and turns Ctrl-C into a clean cancel (the current step finishes, the rest is skipped).
 */
final class PlanExecution {
    private static final int PARALLELISM = 16;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final PrintWriter out;
    private final QuorumHome home;

    PlanExecution(PrintWriter out, QuorumHome home) {
        this.out = out;
        this.home = home;
    }

    int preview(Plan plan) {
        PlanPrinter.print(plan, out);
        out.println();
        out.println("Checking the hosts (read-only) to show what would change:");
        RunResult result = new Runner(new ConsoleReporter(out), new Cancellation()).run(plan, RunMode.PREVIEW);
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    int apply(Plan plan, boolean yes) {
        if (!yes) {
            PlanPrinter.print(plan, out);
            if (!Confirmation.ask(out, "Apply this plan?")) {
                out.println("Nothing was changed.");
                return ExitCodes.OK;
            }
        }
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            cancellation.cancel();
            awaitQuietly(finished);
        }, "quorum-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        Path logFile = home.runs(plan.cluster()).resolve(FILE_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
                + "-" + plan.lifecycle() + ".jsonl");
        try (RunLog log = RunLog.create(logFile)) {
            RunResult result = new Runner(RunListener.all(new ConsoleReporter(out), log), cancellation)
                    .run(plan, RunMode.APPLY);
            out.println("Run log: " + logFile);
            return switch (result.outcome()) {
                case SUCCEEDED -> ExitCodes.OK;
                case CANCELLED -> ExitCodes.CANCELLED;
                case FAILED -> failed(result);
            };
        } finally {
            finished.countDown();
            removeHook(onCtrlC);
        }
    }

    private static int failed(RunResult result) {
        var first = result.failures().get(0);
        throw new UserError(first.target() + ": " + first.message(),
                first.hint().isBlank() ? "fix the cause and run the same command again; done steps are skipped"
                        : first.hint());
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of Ctrl-C: the hook is what is waiting for us
        }
    }

    /** The engine's runner with the CLI's parallelism. */
    private static final class Runner {
        private final dev.quorum.core.engine.Runner runner;

        Runner(RunListener listener, Cancellation cancellation) {
            this.runner = new dev.quorum.core.engine.Runner(listener, PARALLELISM, cancellation);
        }

        RunResult run(Plan plan, RunMode mode) {
            return runner.run(plan, mode);
        }
    }
}
