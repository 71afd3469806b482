package dev.quorum.app.wizard;

import dev.quorum.core.engine.report.RunVerdict;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The result page's logic: what the run did, in the CLI's words, and what to do next. */
public final class ResultModel {
    private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> next = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FollowUp> followUp = new ReadOnlyObjectWrapper<>();

    void offer(Optional<FollowUp> offered) {
        followUp.set(offered.orElse(null));
    }

    /** What the page offers to do next as a button; null when nothing (or the run did not succeed). */
    public ReadOnlyObjectProperty<FollowUp> followUpProperty() {
        return followUp.getReadOnlyProperty();
    }

    void show(RunReport report, List<String> changed) {
        outcome.set(report.outcome());
        headline.set(switch (report.outcome()) {
            case SUCCEEDED -> report.summary().nothingChanged() ? "Done: nothing needed changing." : "Done.";
            case FAILED -> "The run failed. Nothing after the failed step ran.";
            case CANCELLED -> "Cancelled. The step that was running finished; nothing after it ran.";
        });
        summary.set(RunVerdict.describe(RunMode.APPLY, report.outcome(), report.summary(), report.took()));
        changes.setAll(changed.isEmpty() ? List.of("Nothing was changed.") : changed);
        List<String> found = new ArrayList<>();
        report.failures().forEach(f -> found.add(f.target() + ": " + f.message()
                + (f.hint().isBlank() ? "" : "\nWhat to do: " + f.hint())));
        if (!report.problem().isBlank()) {
            found.add(report.problem());
        }
        problems.setAll(found);
        List<String> todo = new ArrayList<>(report.afterwards());
        if (report.outcome() != RunOutcome.SUCCEEDED) {
            todo.add("Run again (Run again... below): steps already done check ok and change nothing.");
        }
        report.logFiles().forEach(file -> todo.add("Run log: " + file));
        next.setAll(todo);
    }

    public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The run's counts: "done: 3 ok, 36 changed, 0 failed in 9.8 s". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    /** What to do next: endpoints to update, inventory advice, run logs. */
    public ObservableList<String> next() {
        return next;
    }
}
