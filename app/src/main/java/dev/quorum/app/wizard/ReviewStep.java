package dev.quorum.app.wizard;

import dev.quorum.app.common.PlanOutline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the review page: a plan step, its hosts, its commands, and what the preview found. */
public final class ReviewStep {
    private final PlanOutline.Step step;
    private final ReadOnlyStringWrapper found = new ReadOnlyStringWrapper("checking...");

    ReviewStep(PlanOutline.Step step) {
        this.step = step;
    }

    public int number() {
        return step.number();
    }

    public String title() {
        return step.title();
    }

    public String hosts() {
        return String.join(", ", step.targets());
    }

    /** In plan order: results are shown in this order, whatever order they came in. */
    public java.util.List<String> targets() {
        return step.targets();
    }

    /** The commands, one a line, each as {@code $ command}. */
    public String commands() {
        return String.join("\n", step.commands().stream().map(c -> "$ " + c).toList());
    }

    /** Per host, what the read-only check said: "lab1: change (not installed)". */
    public ReadOnlyStringProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    void setFound(String text) {
        found.set(text);
    }
}
