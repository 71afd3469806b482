package dev.quorum.app.wizard;

import dev.quorum.core.engine.RunOutcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A wizard's flow: its input pages, then the shared review, run and result pages. Next and Back
 * move between pages and, at the edges, move the {@link WizardState}; every move is guarded.
 * UI thread only.
 */
public final class WizardModel {
    private final String title;
    private final List<WizardPage> inputs;
    private final Supplier<PlanSource> plans;
    private final WizardStatus status = new WizardStatus();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReviewModel review;
    private final RunModel run;
    private final ResultModel result = new ResultModel();
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final WizardServices services;
    private Optional<FollowUp> followUp = Optional.empty();

    /** @param plans builds the plan source from the inputs as they are when the user asks for the review */
    public WizardModel(String title, List<WizardPage> inputs, Supplier<PlanSource> plans, WizardServices services) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one input page");
        }
        this.title = title;
        this.inputs = List.copyOf(inputs);
        this.plans = plans;
        this.services = services;
        this.review = new ReviewModel(services.executor());
        this.run = new RunModel(services);
        ObservableBooleanValue[] completes = this.inputs.stream().map(WizardPage::complete)
                .toArray(ObservableBooleanValue[]::new);
        this.canNext = Bindings.createBooleanBinding(this::computeCanNext,
                concat(completes, index, status.stateProperty(), review.phaseProperty()));
        this.canBack = Bindings.createBooleanBinding(() -> (state() == WizardState.EDITING && index.get() > 0)
                || state() == WizardState.REVIEWING, index, status.stateProperty());
        this.inputs.get(0).shown();
    }

    private static javafx.beans.Observable[] concat(ObservableBooleanValue[] a, javafx.beans.Observable... b) {
        javafx.beans.Observable[] all = new javafx.beans.Observable[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private boolean computeCanNext() {
        return switch (state()) {
            case EDITING -> index.get() < inputs.size() && inputs.get(index.get()).complete().get();
            case REVIEWING -> review.ready().get();
            default -> false;
        };
    }

    /** Calls {@code action} on the UI thread each time a run has succeeded. */
    public void whenFinished(Runnable action) {
        status.stateProperty().addListener((obs, old, now) -> {
            if (now == WizardState.FINISHED) {
                action.run();
            }
        });
    }

    public void next() {
        if (!canNext.get()) {
            return;
        }
        if (state() == WizardState.EDITING && index.get() < inputs.size() - 1) {
            index.set(index.get() + 1);
            inputs.get(index.get()).shown();
        } else if (state() == WizardState.EDITING) {
            startReview(WizardState.EDITING);
        } else if (status.compareAndSet(WizardState.REVIEWING, WizardState.RUNNING)) {
            PreparedPlan prepared = review.prepared();
            followUp = prepared == null ? Optional.empty() : prepared.followUp();
            PlanSource source = review.handOver();
            index.set(runPage());
            run.start(source, prepared, this::ended);
        }
    }

    private void startReview(WizardState from) {
        if (status.compareAndSet(from, WizardState.REVIEWING)) {
            index.set(reviewPage());
            review.review(plans.get());
        }
    }

    public void back() {
        if (!canBack.get()) {
            return;
        }
        if (status.compareAndSet(WizardState.REVIEWING, WizardState.EDITING)) {
            review.discard();
            index.set(inputs.size() - 1);
        } else {
            index.set(index.get() - 1);
        }
        inputs.get(index.get()).shown();
    }

    private void ended(RunReport report) {
        WizardState end = report.outcome() == RunOutcome.SUCCEEDED ? WizardState.FINISHED
                : report.outcome() == RunOutcome.CANCELLED ? WizardState.CANCELLED : WizardState.FAILED;
        status.compareAndSet(WizardState.RUNNING, end);
        result.show(report, run.changes());
        result.offer(report.outcome() == RunOutcome.SUCCEEDED ? followUp : Optional.empty());
        index.set(resultPage());
    }

    /** After a failed or cancelled run: review the plan again against the cluster as it is now. */
    public void runAgain() {
        WizardState now = state();
        if (now == WizardState.FAILED || now == WizardState.CANCELLED) {
            startReview(now);
        }
    }

    /**
     * Cancel: during a run, stops it safely between steps (the wizard stays open to show the
     * result); otherwise returns true: the window may close.
     */
    public boolean cancel() {
        if (state() == WizardState.RUNNING) {
            run.cancel();
            return false;
        }
        return true;
    }

    /** The window closes: release the reviewed plan's connections. */
    public void close() {
        review.discard();
    }

    public String title() {
        return title;
    }

    public List<WizardPage> inputs() {
        return inputs;
    }

    /** Titles for the step list on the left: the inputs, then Review, Run, Result. */
    public List<String> stepTitles() {
        List<String> titles = new java.util.ArrayList<>(inputs.stream().map(WizardPage::title).toList());
        titles.addAll(List.of("Review", "Run", "Result"));
        return titles;
    }

    public int reviewPage() {
        return inputs.size();
    }

    public int runPage() {
        return inputs.size() + 1;
    }

    public int resultPage() {
        return inputs.size() + 2;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public WizardState state() {
        return status.get();
    }

    public WizardStatus status() {
        return status;
    }

    public BooleanBinding canNext() {
        return canNext;
    }

    public BooleanBinding canBack() {
        return canBack;
    }

    /** "Next", "Run" on the review page. */
    public StringBinding nextText() {
        return Bindings.createStringBinding(() -> index.get() == reviewPage() ? "Run" : "Next", index);
    }

    /** "Cancel" before and during a run (where it stops the run safely), "Close" after. */
    public StringBinding cancelText() {
        return Bindings.createStringBinding(() -> state().ended() ? "Close" : "Cancel", status.stateProperty());
    }

    public ReviewModel review() {
        return review;
    }

    public RunModel run() {
        return run;
    }

    /** The wizard the result page's follow-up button opens (only offered after a successful run). */
    WizardModel followUpWizard(FollowUp next) {
        return next.wizard().apply(services);
    }

    public ResultModel result() {
        return result;
    }
}
