package dev.quorum.app.wizard;

import dev.quorum.app.common.IgnoredVariableWords;
import dev.quorum.app.common.PlanOutline;
import dev.quorum.core.engine.PlanRuns;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.ActionableError;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.report.RunVerdict;
import dev.quorum.core.engine.report.TargetState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review page's logic: builds the plan (what {@code --plan} prints), then runs it in
 * {@link RunMode#PREVIEW} to show, per step and host, what would change. Both off the UI thread.
 */
public final class ReviewModel {
    /** WARNED: the plan was built but its checks found problems; running it is still safe (it stops at them). */
    public enum Phase { IDLE, BUILDING, PREVIEWING, READY, WARNED, FAILED }

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ignored = new ReadOnlyStringWrapper("");
    private final ObservableList<ReviewStep> steps = FXCollections.observableArrayList();
    private PlanSource source;
    private PreparedPlan prepared;
    private TaskExecutor.Cancellable pending = () -> { };
    private final BooleanBinding ready = Bindings.createBooleanBinding(
            () -> phase.get() == Phase.READY || phase.get() == Phase.WARNED, phase);
    private int generation;

    public ReviewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Builds and previews the plan of {@code newSource}; the previous source is closed. */
    public void review(PlanSource newSource) {
        discard();
        int mine = ++generation;
        source = newSource;
        phase.set(Phase.BUILDING);
        headline.set("Building the plan...");
        pending = executor.submit(() -> newSource.build(0), plan -> {
            if (mine == generation) {
                built(mine, plan);
            }
        }, error -> {
            if (mine == generation) {
                failed(error);
            }
        });
    }

    private void built(int mine, PreparedPlan plan) {
        prepared = plan;
        ignored.set(IgnoredVariableWords.text(plan.ignored()));
        PlanOutline outline = PlanOutline.of(plan.plan());
        steps.setAll(outline.steps().stream().map(ReviewStep::new).toList());
        phase.set(Phase.PREVIEWING);
        headline.set("Plan: " + outline.lifecycle() + " on cluster " + outline.cluster()
                + ". Checking the hosts (read-only) to show what would change...");
        List<RunEvent.TargetFinished> results = Collections.synchronizedList(new ArrayList<>());
        pending = executor.submit(() -> PlanRuns.preview(plan.plan(), event -> {
            if (event instanceof RunEvent.TargetFinished finished) {
                results.add(finished);
            }
        }), result -> {
            if (mine == generation) {
                previewed(result, results);
            }
        }, error -> {
            if (mine == generation) {
                failed(error);
            }
        });
    }

    private void previewed(RunResult result, List<RunEvent.TargetFinished> results) {
        for (int i = 0; i < steps.size(); i++) {
            int index = i;
            List<String> targets = steps.get(i).targets();
            steps.get(i).setFound(results.stream().filter(r -> r.step() == index)
                    .sorted(java.util.Comparator.comparingInt(r -> targets.indexOf(r.target())))
                    .map(r -> r.target() + ": " + TargetState.of(r.status()).word()
                            + (r.message().isBlank() ? "" : " (" + r.message() + ")"))
                    .collect(Collectors.joining("\n")));
        }
        String verdict = RunVerdict.verdict(RunMode.PREVIEW, result.outcome(), result.summary()) + ": "
                + RunVerdict.counts(RunMode.PREVIEW, result.summary());
        headline.set("Plan: " + prepared.plan().lifecycle() + " on cluster " + prepared.plan().cluster()
                + (source.parts() > 1 ? " (first of " + source.parts() + " changes, one after the other)" : "")
                + ". " + verdict);
        if (result.succeeded()) {
            problem.set("");
            phase.set(Phase.READY);
        } else {
            var first = result.failures().get(0);
            problem.set(first.target() + ": " + first.message() + (first.hint().isBlank() ? "" : "\nWhat to do: "
                    + first.hint()));
            phase.set(Phase.WARNED);
        }
    }

    private void failed(Throwable error) {
        steps.clear();
        ignored.set("");
        headline.set("The plan could not be built.");
        String hint = error instanceof ActionableError actionable ? actionable.hint() : "";
        problem.set(String.valueOf(error.getMessage()) + (hint.isBlank() ? "" : "\nWhat to do: " + hint));
        phase.set(Phase.FAILED);
    }

    /** Forgets the reviewed plan and closes its source (going back to the inputs, or closing). */
    public void discard() {
        generation++;
        pending.cancel();
        if (source != null) {
            PlanSource closing = source;
            executor.submit(() -> {
                closing.close();
                return null;
            }, ignored -> { }, ignored -> { });
        }
        source = null;
        prepared = null;
        steps.clear();
        problem.set("");
        ignored.set("");
        phase.set(Phase.IDLE);
    }

    /** The plan was built and previewed: it may run. */
    public BooleanBinding ready() {
        return ready;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The inventory's etcd_* variables Quorum does not use, in words; empty when there are none. */
    public ReadOnlyStringProperty ignoredProperty() {
        return ignored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<ReviewStep> steps() {
        return steps;
    }

    PlanSource source() {
        return source;
    }

    PreparedPlan prepared() {
        return prepared;
    }

    /** Hands the reviewed source to the run: it is no longer this model's to close. */
    PlanSource handOver() {
        PlanSource handed = source;
        source = null;
        phase.set(Phase.IDLE);
        return handed;
    }
}
