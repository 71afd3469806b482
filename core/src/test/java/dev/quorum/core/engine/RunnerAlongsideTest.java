package dev.quorum.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Steps planned alongside the one before them: run at the same time, reported one after the other. */
class RunnerAlongsideTest {
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final Runner runner = new Runner(events::add, 4, new Cancellation());

    /** A step whose apply waits (bounded) until {@code partner} has started applying too. */
    private static FakeStep meeting(String title, CountDownLatch both) {
        return new FakeStep(title) {
            @Override
            public void apply(StepContext context) throws StepFailedException {
                both.countDown();
                try {
                    if (!both.await(10, TimeUnit.SECONDS)) {
                        throw new StepFailedException(title + " ran alone: the steps did not run together");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.apply(context);
            }
        };
    }

    @Test
    void aStepAlongsideTheOneBeforeRunsAtTheSameTimeAndIsReportedAfterIt() {
        CountDownLatch both = new CountDownLatch(2);
        FakeStep retire = meeting("retire", both);
        FakeStep prepare = meeting("prepare", both);
        FakeStep after = new FakeStep("after");
        Plan plan = new Plan("test", "c1", List.of(PlannedStep.onEach(retire, List.of("old")),
                PlannedStep.onEach(prepare, List.of("new")).alongside(), PlannedStep.onEach(after, List.of("new"))));

        RunResult result = runner.run(plan, RunMode.APPLY);

        assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
        assertThat(result.summary().changed()).isEqualTo(3);
        List<Integer> order = events.stream().filter(e -> !(e instanceof RunEvent.RunStarted)
                && !(e instanceof RunEvent.RunFinished)).map(RunnerAlongsideTest::stepOf).toList();
        assertThat(order).as("every event of step 0 before any of step 1, and so on").isSorted();
    }

    @Test
    void aFailureInAGroupStopsThePlanAfterTheGroup() {
        FakeStep retire = new FakeStep("retire");
        retire.failOn.add("old");
        FakeStep prepare = new FakeStep("prepare");
        FakeStep after = new FakeStep("after");
        Plan plan = new Plan("test", "c1", List.of(PlannedStep.onEach(retire, List.of("old")),
                PlannedStep.onEach(prepare, List.of("new")).alongside(), PlannedStep.onEach(after, List.of("new"))));

        RunResult result = runner.run(plan, RunMode.APPLY);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(prepare.done).as("started with the failing step, so it ran").containsExactly("new");
        assertThat(after.applies.get()).isZero();
        assertThat(result.summary().skipped()).isEqualTo(1);
    }

    private static int stepOf(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            return s.step();
        }
        if (event instanceof RunEvent.TargetOutput o) {
            return o.step();
        }
        if (event instanceof RunEvent.TargetFinished f) {
            return f.step();
        }
        return ((RunEvent.StepFinished) event).step();
    }
}
