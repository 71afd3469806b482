package dev.quorum.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final Runner runner = new Runner(events::add, 4, new Cancellation());

    private static Plan plan(Step... steps) {
        List<PlannedStep> planned = java.util.Arrays.stream(steps)
                .map(s -> PlannedStep.onEach(s, List.of("h1", "h2", "h3")))
                .toList();
        return new Plan("test", "c1", planned);
    }

    @Test
    void appliesWhatIsNeededAndReportsChanged() {
        FakeStep step = new FakeStep("make");
        step.done.add("h2");

        RunResult result = runner.run(plan(step), RunMode.APPLY);

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(result.summary()).isEqualTo(new RunSummary(1, 2, 0, 0, 0));
        assertThat(step.done).containsExactlyInAnyOrder("h1", "h2", "h3");
        assertThat(step.applies.get()).isEqualTo(2);
    }

    @Test
    void aSecondRunChangesNothing() {
        FakeStep step = new FakeStep("make");
        runner.run(plan(step), RunMode.APPLY);

        RunResult again = runner.run(plan(step), RunMode.APPLY);

        assertThat(again.summary().nothingChanged()).isTrue();
        assertThat(again.summary().ok()).isEqualTo(3);
        assertThat(step.applies.get()).isEqualTo(3);
    }

    @Test
    void previewChecksButNeverApplies() {
        FakeStep step = new FakeStep("make");
        step.done.add("h1");

        RunResult result = runner.run(plan(step), RunMode.PREVIEW);

        assertThat(step.applies.get()).isZero();
        assertThat(result.summary()).isEqualTo(new RunSummary(1, 0, 2, 0, 0));
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void aFailureStopsThePlanAndLaterStepsAreSkipped() {
        FakeStep first = new FakeStep("first");
        first.failOn.add("h3");
        FakeStep second = new FakeStep("second");

        RunResult result = runner.run(plan(first, second), RunMode.APPLY);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo("h3");
            assertThat(f.message()).isEqualTo("disk full on h3");
            assertThat(f.hint()).isEqualTo("free some space");
        });
        assertThat(second.applies.get()).isZero();
        assertThat(result.summary().skipped()).isEqualTo(3);
    }

    @Test
    void aChangeThatDoesNotTakeEffectFailsVerification() {
        FakeStep step = new FakeStep("make");
        step.applyWithoutEffect.add("h1");

        RunResult result = runner.run(plan(step), RunMode.APPLY);

        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("did not take effect: absent"));
    }

    @Test
    void cancellingBeforeAStepSkipsItAndARerunCompletes() {
        Cancellation cancellation = new Cancellation();
        FakeStep first = new FakeStep("first");
        Step cancelling = new FakeStep("cancel") {
            @Override
            public void apply(StepContext context) throws StepFailedException {
                super.apply(context);
                cancellation.cancel();
            }
        };
        FakeStep last = new FakeStep("last");
        Runner cancellable = new Runner(events::add, 1, cancellation);

        RunResult result = cancellable.run(plan(first, cancelling, last), RunMode.APPLY);

        assertThat(result.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(last.applies.get()).isZero();
        RunResult rerun = runner.run(plan(first, last), RunMode.APPLY);
        assertThat(rerun.succeeded()).isTrue();
        assertThat(last.done).hasSize(3);
        assertThat(first.applies.get()).isEqualTo(3);
    }

    @Test
    void stepsOfOneTargetSetRunInParallel() throws Exception {
        java.util.concurrent.CountDownLatch allThree = new java.util.concurrent.CountDownLatch(3);
        Step barrier = new FakeStep("barrier") {
            @Override
            public void apply(StepContext context) throws StepFailedException {
                allThree.countDown();
                try {
                    if (!allThree.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new StepFailedException("targets did not run in parallel");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.apply(context);
            }
        };

        assertThat(runner.run(plan(barrier), RunMode.APPLY).succeeded()).isTrue();
    }

    @Test
    void eventsAreWrittenAsJsonLinesAndReadBack(@TempDir Path dir) throws Exception {
        FakeStep step = new FakeStep("make");
        Path file = dir.resolve("runs/run.jsonl");
        try (RunLog log = RunLog.create(file)) {
            new Runner(log, 2, new Cancellation()).run(plan(step), RunMode.APPLY);
        }

        List<RunEvent> read = RunLog.read(file);

        assertThat(read.get(0)).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(read.get(read.size() - 1)).isInstanceOfSatisfying(RunEvent.RunFinished.class,
                f -> assertThat(f.outcome()).isEqualTo(RunOutcome.SUCCEEDED));
        assertThat(read).filteredOn(e -> e instanceof RunEvent.TargetOutput)
                .extracting(e -> ((RunEvent.TargetOutput) e).line())
                .contains("touching h1", "touching h2", "touching h3");
    }
}
