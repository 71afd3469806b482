package dev.quorum.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a plan step by step. A step's targets run in parallel (bounded); the plan stops at the
 * first step that fails on any target (like Ansible's any_errors_fatal), or when cancelled
 * between steps. A cancelled or failed run is safe to run again: done steps check as done.
 */
public final class Runner {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final RunListener listener;
    private final int parallelism;
    private final Cancellation cancellation;
    private final Clock clock;

    public Runner(RunListener listener, int parallelism, Cancellation cancellation) {
        this(listener, parallelism, cancellation, Clock.systemUTC());
    }

    Runner(RunListener listener, int parallelism, Cancellation cancellation, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.listener = listener;
        this.parallelism = parallelism;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    public RunResult run(Plan plan, RunMode mode) {
        Instant start = clock.instant();
        String runId = RUN_ID.format(start) + "-" + plan.lifecycle();
        List<String> titles = plan.steps().stream().map(s -> s.step().title()).toList();
        listener.on(new RunEvent.RunStarted(start, runId, plan.lifecycle(), plan.cluster(), mode, titles));

        RunSummary summary = RunSummary.empty();
        List<RunEvent.TargetFinished> failures = new ArrayList<>();
        RunOutcome outcome = RunOutcome.SUCCEEDED;
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "quorum-step");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < plan.steps().size(); i++) {
                PlannedStep planned = plan.steps().get(i);
                boolean stop = outcome != RunOutcome.SUCCEEDED && mode == RunMode.APPLY;
                if (!stop && cancellation.isCancelled()) {
                    outcome = RunOutcome.CANCELLED;
                    stop = true;
                }
                List<RunEvent.TargetFinished> results = stop
                        ? skipAll(i, planned)
                        : runStep(pool, i, planned, mode);
                StepStatus stepStatus = StepStatus.OK;
                for (RunEvent.TargetFinished result : results) {
                    summary = summary.plus(result.status());
                    stepStatus = worse(stepStatus, result.status());
                    if (result.status() == StepStatus.FAILED) {
                        failures.add(result);
                        outcome = RunOutcome.FAILED;
                    }
                }
                listener.on(new RunEvent.StepFinished(clock.instant(), i, planned.step().title(), stepStatus));
                if (!stop && cancellation.isCancelled() && outcome == RunOutcome.SUCCEEDED) {
                    outcome = RunOutcome.CANCELLED;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        listener.on(new RunEvent.RunFinished(clock.instant(), outcome, summary,
                Duration.between(start, clock.instant())));
        return new RunResult(runId, outcome, summary, failures);
    }

    private List<RunEvent.TargetFinished> skipAll(int index, PlannedStep planned) {
        List<RunEvent.TargetFinished> results = new ArrayList<>();
        for (String target : planned.targets()) {
            RunEvent.TargetFinished skipped = new RunEvent.TargetFinished(clock.instant(), index, target,
                    StepStatus.NOT_RUN, "", "", Duration.ZERO);
            listener.on(skipped);
            results.add(skipped);
        }
        return results;
    }

    private List<RunEvent.TargetFinished> runStep(ExecutorService pool, int index, PlannedStep planned, RunMode mode) {
        listener.on(new RunEvent.StepStarted(clock.instant(), index, planned.step().title(), planned.targets()));
        List<Future<RunEvent.TargetFinished>> futures = new ArrayList<>();
        for (String target : planned.targets()) {
            TargetRun run = new TargetRun(planned.step(), index, target, mode, listener, cancellation, clock);
            futures.add(pool.submit(run::call));
        }
        List<RunEvent.TargetFinished> results = new ArrayList<>();
        for (Future<RunEvent.TargetFinished> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    private static RunEvent.TargetFinished await(Future<RunEvent.TargetFinished> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a step", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step escaped its own error handling", e.getCause());
        }
    }

    private static StepStatus worse(StepStatus a, StepStatus b) {
        return b.compareTo(a) > 0 ? b : a;
    }
}
