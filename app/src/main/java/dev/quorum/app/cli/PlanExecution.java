package dev.quorum.app.cli;

import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.inventory.IgnoredVariable;
import dev.quorum.core.workspace.QuorumHome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plan from the command line: previews it, asks, runs it with a live report and a run
 * log, and turns Ctrl-C into a clean cancel (the current step finishes, the rest does not run).
 */
final class PlanExecution {

    private final PrintWriter out;
    private final QuorumHome home;
    private List<IgnoredVariable> ignored = List.of();

    PlanExecution(PrintWriter out, QuorumHome home) {
        this.out = out;
        this.home = home;
    }

    /** The inventory's etcd_* variables Quorum does not use, printed with the plan (install, upgrade). */
    PlanExecution ignoring(List<IgnoredVariable> variables) {
        this.ignored = List.copyOf(variables);
        return this;
    }

    /** --plan previews; otherwise the plan is applied and, when that ended well, {@code afterSuccess} runs. */
    int run(Plan plan, ChangeOptions options, Runnable afterSuccess) {
        if (options.planOnly) {
            return preview(plan);
        }
        int exit = apply(plan, options.yes);
        if (exit == ExitCodes.OK) {
            afterSuccess.run();
        }
        return exit;
    }

    int preview(Plan plan) {
        PlanPrinter.print(plan, out);
        IgnoredVariablesText.print(ignored, out);
        out.println();
        out.println("Checking the hosts (read-only) to show what would change:");
        RunResult result = PlanRuns.preview(plan, new ConsoleReporter(out));
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    int apply(Plan plan, boolean yes) {
        if (!yes) {
            PlanPrinter.print(plan, out);
            IgnoredVariablesText.print(ignored, out);
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
        try {
            PlanRuns.LoggedRun run = PlanRuns.apply(home, plan, new ConsoleReporter(out), cancellation);
            RunResult result = run.result();
            out.println("Run log: " + run.logFile());
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
                first.hint().isBlank() ? "fix the cause and run the same command again; steps already done check ok and change nothing"
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
}
