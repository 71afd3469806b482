package dev.quorum.app.kubernetes;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.ActionableError;
import dev.quorum.core.kubeclients.ApiserverMatch;
import dev.quorum.core.kubeclients.KubeClientStatus;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Kubernetes tab's logic: the hosts read in the background when the tab is first shown and on Refresh (never
 * on a timer: it costs SSH round trips to every host), as rows in inventory order with a one-line summary saying
 * what to do. UI thread only.
 */
public final class KubeClientsViewModel {
    /** More rows than any real cluster has; a bound, so a strange inventory cannot flood the table. */
    static final int MAX_ROWS = 2000;

    public enum State { NOT_LOADED, LOADING, LOADED, FAILED }

    private final TaskExecutor executor;
    private final KubeClientsSource source;
    private final String inventoryFile;
    private final ObservableList<KubeClientRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_LOADED);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private TaskExecutor.Cancellable inFlight;
    private long generation;

    /** @param inventoryFile for the command the summary suggests */
    public KubeClientsViewModel(TaskExecutor executor, KubeClientsSource source, String inventoryFile) {
        this.executor = executor;
        this.source = source;
        this.inventoryFile = inventoryFile;
        placeholder.set("Not read yet: Refresh reads every Kubernetes host over SSH.");
    }

    /** The tab is shown: read the first time only. */
    public void shown() {
        if (state.get() == State.NOT_LOADED) {
            refresh();
        }
    }

    /** Reads again; a read in flight is replaced (its answer dropped). */
    public void refresh() {
        if (inFlight != null) {
            inFlight.cancel();
        }
        long mine = ++generation;
        state.set(State.LOADING);
        placeholder.set("Reading the Kubernetes hosts over SSH...");
        inFlight = executor.submit(source::read, statuses -> {
            if (mine == generation) {
                loaded(statuses);
            }
        }, error -> {
            if (mine == generation) {
                failed(error);
            }
        });
    }

    /** Stops a read in flight; called when the cluster is closed. */
    public void dispose() {
        generation++;
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
    }

    void loaded(List<KubeClientStatus> statuses) {
        inFlight = null;
        rows.setAll(statuses.stream().limit(MAX_ROWS).map(KubeClientRow::of).toList());
        summary.set(summarize(statuses));
        placeholder.set("The inventory has no Kubernetes hosts (k8s_cluster, kube_control_plane, kube_node).");
        state.set(State.LOADED);
    }

    void failed(Throwable error) {
        inFlight = null;
        rows.clear();
        summary.set("");
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String hint = error instanceof ActionableError a && !a.hint().isBlank() ? ": " + a.hint() : "";
        placeholder.set("Could not read the Kubernetes hosts: " + message + hint);
        state.set(State.FAILED);
    }

    private String summarize(List<KubeClientStatus> statuses) {
        long unreached = statuses.stream().filter(s -> !s.reachable()).count();
        long differs = statuses.stream().filter(s -> s.apiserver() == ApiserverMatch.DIFFERS).count();
        long certTrouble = statuses.stream().filter(KubeClientStatus::reachable)
                .filter(s -> s.certificate().map(c -> !c.present() || !c.problems().isEmpty()).orElse(true)).count();
        StringBuilder text = new StringBuilder(statuses.size() + " Kubernetes hosts");
        if (unreached + differs + certTrouble == 0) {
            return text.append(": all reached, node certificates clean, kube-apiserver lists the members").toString();
        }
        if (unreached > 0) {
            text.append("; ").append(unreached).append(" NOT reached (state unknown)");
        }
        if (certTrouble > 0) {
            text.append("; ").append(certTrouble).append(" with a node certificate problem (quorum certs -i ")
                    .append(inventoryFile).append(")");
        }
        if (differs > 0) {
            text.append("; ").append(differs).append(" kube-apiserver listing other etcd servers (quorum apiservers "
                    + "update -i ").append(inventoryFile).append(")");
        }
        return text.toString();
    }

    public ObservableList<KubeClientRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
