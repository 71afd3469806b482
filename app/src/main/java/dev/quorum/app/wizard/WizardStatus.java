package dev.quorum.app.wizard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The wizard's state as an observable value that only moves along {@link WizardState#next()}.
 * Lives on the UI thread: the run reports back through the task executor before it moves.
 */
public final class WizardStatus {
    private final ReadOnlyObjectWrapper<WizardState> state = new ReadOnlyObjectWrapper<>(WizardState.EDITING);

    public ReadOnlyObjectProperty<WizardState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public WizardState get() {
        return state.get();
    }

    /** Moves from {@code expected} to {@code target}; false (nothing changes) if the wizard is elsewhere. */
    public boolean compareAndSet(WizardState expected, WizardState target) {
        if (state.get() != expected) {
            return false;
        }
        if (!expected.canMoveTo(target)) {
            throw new IllegalStateException("a wizard cannot go from " + expected + " to " + target);
        }
        state.set(target);
        return true;
    }

    /** Like {@link #compareAndSet} from the current state; throws if that move is not allowed. */
    public void moveTo(WizardState target) {
        compareAndSet(state.get(), target);
    }
}
