package dev.quorum.app.wizard;

import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.report.TargetState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunLock;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's flow and its review, run and result models, on the calling thread with in-memory steps. */
class WizardModelTest {
    @TempDir
    Path dir;

    static final class Page implements WizardPage {
        final SimpleBooleanProperty complete = new SimpleBooleanProperty();
        int shown;

        @Override
        public String title() {
            return "Input";
        }

        @Override
        public Node view() {
            return null;
        }

        @Override
        public ObservableBooleanValue complete() {
            return complete;
        }

        @Override
        public void shown() {
            shown++;
        }
    }

    private final SynchronousTaskExecutor executor = new SynchronousTaskExecutor();

    private WizardServices services() {
        return new WizardServices(executor, new QuorumHome(dir), SshOptions.defaults(), event -> { });
    }

    /** The user's click, from a step that runs: carried out on the UI thread; the step waits for it. */
    private void userPresses(Runnable click) {
        CountDownLatch clicked = new CountDownLatch(1);
        executor.onUiThread(() -> {
            click.run();
            clicked.countDown();
        });
        try {
            assertThat(clicked.await(10, TimeUnit.SECONDS)).as("the UI thread took the click").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void nextWaitsForAValidPageAndBackReturnsFromTheReview() {
        Page page = new Page();
        TestPlans.FixedSource source = new TestPlans.FixedSource(new TestPlans.MemoryStep("a"));
        WizardModel wizard = new WizardModel("t", List.of(page), () -> source, services());

        assertThat(wizard.canNext().get()).isFalse();
        wizard.next();
        assertThat(wizard.state()).isEqualTo(WizardState.EDITING);
        page.complete.set(true);
        assertThat(wizard.canNext().get()).isTrue();
        wizard.next();
        assertThat(wizard.state()).isEqualTo(WizardState.REVIEWING);
        assertThat(wizard.indexProperty().get()).isEqualTo(wizard.reviewPage());
        assertThat(wizard.canBack().get()).isTrue();

        wizard.back();

        assertThat(wizard.state()).isEqualTo(WizardState.EDITING);
        assertThat(wizard.indexProperty().get()).isZero();
        assertThat(source.closed).as("the reviewed plan's connections are released").isTrue();
        assertThat(page.shown).isEqualTo(2);
    }

    @Test
    void reviewPreviewsWithoutChangingThenTheRunAppliesAndTheResultSaysWhatChanged() throws Exception {
        Page page = new Page();
        page.complete.set(true);
        TestPlans.MemoryStep a = new TestPlans.MemoryStep("a");
        TestPlans.MemoryStep b = new TestPlans.MemoryStep("b");
        WizardModel wizard = new WizardModel("t", List.of(page), () -> new TestPlans.FixedSource(a, b), services());

        wizard.next();

        assertThat(wizard.review().phaseProperty().get()).isEqualTo(ReviewModel.Phase.READY);
        assertThat(wizard.review().steps()).extracting(ReviewStep::title).containsExactly("a", "b");
        assertThat(wizard.review().steps().get(0).hosts()).isEqualTo("h1, h2");
        assertThat(wizard.review().steps().get(0).commands()).isEqualTo("$ touch /tmp/a # on h1");
        assertThat(wizard.review().steps().get(0).foundProperty().get()).isEqualTo("h1: would change (missing)\n"
                + "h2: would change (missing)");
        assertThat(wizard.review().headlineProperty().get()).contains("plan ready; nothing was changed");
        assertThat(a.done).as("the preview changed nothing").isEmpty();
        assertThat(wizard.nextText().get()).isEqualTo("Run");

        wizard.next();

        assertThat(wizard.state()).as(wizard.result().problems().toString()).isEqualTo(WizardState.FINISHED);
        assertThat(wizard.indexProperty().get()).isEqualTo(wizard.resultPage());
        assertThat(a.done).containsExactlyInAnyOrder("h1", "h2");
        assertThat(wizard.run().rows().get(1).cell("h2").state()).isEqualTo(TargetState.CHANGED);
        assertThat(wizard.run().log()).extracting(LogLine::toString).contains("h1 | a | writing a",
                "h2 | b | changed (before: missing)");
        assertThat(wizard.result().headlineProperty().get()).isEqualTo("Done.");
        assertThat(wizard.result().summaryProperty().get()).startsWith("done: 0 ok, 4 changed, 0 failed");
        assertThat(wizard.result().changes()).containsExactly("a: h1, h2", "b: h1, h2");
        assertThat(wizard.result().next().get(0)).isEqualTo("Update your clients.");
        assertThat(wizard.cancelText().get()).isEqualTo("Close");
        assertThat(wizard.canBack().get()).isFalse();
        try (Stream<Path> logs = Files.list(new QuorumHome(dir).runs("demo"))) {
            assertThat(logs.filter(p -> p.toString().endsWith("-test.jsonl"))).hasSize(1);
        }
    }

    @Test
    void cancelLetsTheCurrentStepFinishSkipsTheRestAndARunAgainCompletes() {
        Page page = new Page();
        page.complete.set(true);
        WizardModel[] holder = new WizardModel[1];
        // The user presses Cancel while step "a" is applying.
        TestPlans.MemoryStep a = new TestPlans.MemoryStep("a", context -> userPresses(holder[0]::cancel));
        TestPlans.MemoryStep b = new TestPlans.MemoryStep("b");
        holder[0] = new WizardModel("t", List.of(page), () -> new TestPlans.FixedSource(a, b), services());
        WizardModel wizard = holder[0];
        wizard.next();

        wizard.next();

        assertThat(wizard.state()).isEqualTo(WizardState.CANCELLED);
        assertThat(a.done).as("the current step finished").containsExactlyInAnyOrder("h1", "h2");
        assertThat(b.done).as("the rest was skipped").isEmpty();
        assertThat(wizard.run().rows().get(1).cell("h1").state()).isEqualTo(TargetState.NOT_RUN);
        assertThat(wizard.result().headlineProperty().get()).startsWith("Cancelled.");
        assertThat(wizard.result().summaryProperty().get()).contains("2 not run");
        assertThat(wizard.result().next()).anyMatch(line -> line.startsWith("Run again"));

        wizard.runAgain();
        assertThat(wizard.state()).isEqualTo(WizardState.REVIEWING);
        assertThat(wizard.review().steps().get(0).foundProperty().get()).startsWith("h1: ok (already there)");
        wizard.next();

        assertThat(wizard.state()).as(wizard.result().problems().toString()).isEqualTo(WizardState.FINISHED);
        assertThat(b.done).containsExactlyInAnyOrder("h1", "h2");
        assertThat(wizard.result().summaryProperty().get()).startsWith("done: 2 ok, 2 changed");
    }

    @Test
    void aFailedStepEndsTheRunWithItsHintAndNothingAfterIt() {
        Page page = new Page();
        page.complete.set(true);
        TestPlans.MemoryStep b = new TestPlans.MemoryStep("b");
        WizardModel wizard = new WizardModel("t", List.of(page),
                () -> new TestPlans.FixedSource(new TestPlans.MemoryStep("fail here"), b), services());
        wizard.next();
        wizard.next();

        assertThat(wizard.state()).isEqualTo(WizardState.FAILED);
        assertThat(b.done).isEmpty();
        assertThat(wizard.result().problems()).contains("h1: disk full\nWhat to do: free some space and run again");
        assertThat(wizard.result().next()).noneMatch(line -> line.equals("Update your clients."));
    }

    @Test
    void aRunWhileAnotherChangesTheSameClusterIsRefusedWithWhatToDoAndChangesNothing() {
        Page page = new Page();
        page.complete.set(true);
        TestPlans.MemoryStep a = new TestPlans.MemoryStep("a");
        WizardModel wizard = new WizardModel("t", List.of(page), () -> new TestPlans.FixedSource(a), services());
        try (RunLock other = RunLock.acquire(new QuorumHome(dir), new Plan("upgrade", "demo", List.of()))) {
            wizard.next();
            wizard.next();
        }

        assertThat(wizard.state()).isEqualTo(WizardState.FAILED);
        assertThat(a.done).isEmpty();
        assertThat(wizard.result().problems()).singleElement().asString()
                .startsWith("another Quorum run is changing cluster demo from this workstation (upgrade, started ")
                .contains("this test did not start, nothing was changed\nWhat to do: wait until that run has finished");
    }

    @Test
    void everyChangeOfTheRunsModelsIsMadeOnTheUiThreadWhileHostsRunInParallel() {
        Page page = new Page();
        page.complete.set(true);
        List<TestPlans.MemoryStep> steps = IntStream.range(0, 20).mapToObj(i -> new TestPlans.MemoryStep("s" + i))
                .toList();
        WizardModel wizard = new WizardModel("t", List.of(page),
                () -> new TestPlans.FixedSource(steps.toArray(TestPlans.MemoryStep[]::new)), services());
        wizard.next();
        Set<String> changedBy = ConcurrentHashMap.newKeySet();
        wizard.run().log().addListener((ListChangeListener<LogLine>) c -> changedBy.add(Thread.currentThread().getName()));
        wizard.run().rows().addListener((ListChangeListener<StepProgress>) c -> {
            changedBy.add(Thread.currentThread().getName());
            while (c.next()) {
                c.getAddedSubList().forEach(row -> row.cells().addListener(
                        (MapChangeListener<String, Cell>) m -> changedBy.add(Thread.currentThread().getName())));
            }
        });
        wizard.run().currentProperty().addListener((o, was, now) -> changedBy.add(Thread.currentThread().getName()));

        wizard.next();

        assertThat(wizard.state()).as(wizard.result().problems().toString()).isEqualTo(WizardState.FINISHED);
        assertThat(wizard.run().log()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(changedBy).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aPlanThatCannotBeBuiltKeepsRunDisabledAndSaysWhy() {
        Page page = new Page();
        page.complete.set(true);
        PlanSource broken = new PlanSource() {
            @Override
            public PreparedPlan build(int part) {
                throw new dev.quorum.core.cluster.ClusterUnavailableException("no etcd member answers",
                        "check that etcd runs");
            }

            @Override
            public void close() {
            }
        };
        WizardModel wizard = new WizardModel("t", List.of(page), () -> broken, services());
        wizard.next();

        assertThat(wizard.review().phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        assertThat(wizard.review().problemProperty().get()).isEqualTo("no etcd member answers\n"
                + "What to do: check that etcd runs");
        assertThat(wizard.canNext().get()).isFalse();
    }

    @Test
    void severalPlansRunOneAfterTheOtherEachBuiltWhenThePreviousHasRun() throws Exception {
        Page page = new Page();
        page.complete.set(true);
        TestPlans.MemoryStep first = new TestPlans.MemoryStep("join a");
        TestPlans.MemoryStep second = new TestPlans.MemoryStep("join b");
        List<Integer> built = new java.util.ArrayList<>();
        PlanSource twoJoins = new PlanSource() {
            @Override
            public int parts() {
                return 2;
            }

            @Override
            public PreparedPlan build(int part) {
                built.add(part);
                if (part == 1) {
                    assertThat(first.done).as("built once the first has run").isNotEmpty();
                }
                TestPlans.MemoryStep step = part == 0 ? first : second;
                return new PreparedPlan(new dev.quorum.core.engine.Plan("add", "demo",
                        List.of(dev.quorum.core.engine.PlannedStep.onEach(step, List.of("h" + part)))),
                        List.of("Members now: " + (part + 2)));
            }

            @Override
            public void close() {
            }
        };
        WizardModel wizard = new WizardModel("t", List.of(page), () -> twoJoins, services());
        wizard.next();
        assertThat(wizard.review().headlineProperty().get()).contains("first of 2 changes");

        wizard.next();

        assertThat(built).containsExactly(0, 1);
        assertThat(wizard.state()).as(wizard.result().problems().toString()).isEqualTo(WizardState.FINISHED);
        assertThat(wizard.run().rows()).extracting(StepProgress::title).containsExactly("join a", "join b");
        assertThat(wizard.run().hosts()).containsExactly("h0", "h1");
        assertThat(wizard.result().changes()).containsExactly("join a: h0", "join b: h1");
        assertThat(wizard.result().next()).startsWith("Members now: 2", "Members now: 3");
        assertThat(wizard.result().next().stream().filter(l -> l.startsWith("Run log: "))).hasSize(2);
    }
}
