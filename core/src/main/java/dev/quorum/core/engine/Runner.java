package dev.quorum.core.engine;

import dev.quorum.core.threads.DaemonThreads;
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
 * Runs a plan step by step. A step's targets run in parallel (bounded), and so do steps planned
 * {@link PlannedStep#alongside} the one before (their events are held back so the log still reads
 * step after step); the plan stops at the first step (or group of steps run together) that fails
 * on any target (like Ansible's any_errors_fatal), or when cancelled between steps. A cancelled or failed run is safe to run again: done steps check as done.
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
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.numbered("quorum-step"));
        try {
            int i = 0;
            while (i < plan.steps().size()) {
                boolean stop = outcome != RunOutcome.SUCCEEDED && mode == RunMode.APPLY;
                if (!stop && cancellation.isCancelled()) {
                    outcome = RunOutcome.CANCELLED;
                    stop = true;
                }
                int end = stop ? i + 1 : groupEnd(plan, i);
                List<Running> group = new ArrayList<>();
                for (int k = i; k < end; k++) {
                    PlannedStep planned = plan.steps().get(k);
                    group.add(stop ? Running.skipped(skipAll(k, planned))
                            : start(pool, k, planned, mode, k == i ? listener : new HeldEvents(listener)));
                }
                for (int k = i; k < end; k++) {
                    Running running = group.get(k - i);
                    running.release();
                    StepStatus stepStatus = StepStatus.OK;
                    for (RunEvent.TargetFinished result : running.results()) {
                        summary = summary.plus(result.status());
                        stepStatus = worse(stepStatus, result.status());
                        if (result.status() == StepStatus.FAILED) {
                            failures.add(result);
                            outcome = RunOutcome.FAILED;
                        }
                    }
                    listener.on(new RunEvent.StepFinished(clock.instant(), k, plan.steps().get(k).step().title(),
                            stepStatus));
                }
                if (!stop && cancellation.isCancelled() && outcome == RunOutcome.SUCCEEDED) {
                    outcome = RunOutcome.CANCELLED;
                }
                i = end;
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

    /** The end (exclusive) of the steps from {@code first} on that run together: those planned alongside it. */
    private static int groupEnd(Plan plan, int first) {
        int end = first + 1;
        while (end < plan.steps().size() && plan.steps().get(end).withPrevious()) {
            end++;
        }
        return end;
    }

    /** One step's targets, submitted; its events go to {@code events} (held back for a step alongside). */
    private Running start(ExecutorService pool, int index, PlannedStep planned, RunMode mode, RunListener events) {
        events.on(new RunEvent.StepStarted(clock.instant(), index, planned.step().title(), planned.targets()));
        List<Future<RunEvent.TargetFinished>> futures = new ArrayList<>();
        for (String target : planned.targets()) {
            TargetRun run = new TargetRun(planned.step(), index, target, mode, events, cancellation, clock);
            futures.add(pool.submit(run::call));
        }
        return new Running(futures, List.of(), events);
    }

    /** A started (or skipped) step: its results once every target finished. */
    private record Running(List<Future<RunEvent.TargetFinished>> futures, List<RunEvent.TargetFinished> skipped,
                           RunListener events) {
        static Running skipped(List<RunEvent.TargetFinished> results) {
            return new Running(List.of(), results, event -> { });
        }

        /** Lets a held-back step's events through, now that the steps before it have finished. */
        void release() {
            if (events instanceof HeldEvents held) {
                held.release();
            }
        }

        List<RunEvent.TargetFinished> results() {
            List<RunEvent.TargetFinished> results = new ArrayList<>(skipped);
            for (Future<RunEvent.TargetFinished> future : futures) {
                results.add(await(future));
            }
            return results;
        }
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
