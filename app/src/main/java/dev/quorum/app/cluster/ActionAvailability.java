package dev.quorum.app.cluster;

import dev.quorum.core.inventory.ClusterLayout;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which of the {@link ClusterAction}s the cluster shown allows, and the words their buttons show: the usual tooltip,
 * or why the action is refused there (the events cluster, decision 0044). One per window; UI thread only.
 */
public final class ActionAvailability {
    private final ReadOnlyObjectWrapper<ClusterLayout> shown = new ReadOnlyObjectWrapper<>();

    /** A cluster of {@code layout} is shown now; null when none is. */
    public void show(ClusterLayout layout) {
        shown.set(layout);
    }

    public ReadOnlyObjectProperty<ClusterLayout> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** True while a cluster is shown on which {@code action} may not run. */
    public BooleanBinding refused(ClusterAction action) {
        return Bindings.createBooleanBinding(() -> shown.get() != null && action.refusal(shown.get()).isPresent(),
                shown);
    }

    /** {@code usual}, or the refusal while {@link #refused} holds. */
    public StringBinding tooltip(ClusterAction action, String usual) {
        return Bindings.createStringBinding(() -> shown.get() == null ? usual
                : action.refusal(shown.get()).orElse(usual), shown);
    }
}
