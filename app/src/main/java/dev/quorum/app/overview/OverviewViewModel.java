package dev.quorum.app.overview;

import dev.quorum.app.common.ErrorWords;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.known.KnownCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The overview's state: the known clusters' cards (read from the workstation's files in the background), then each
 * card's quick status and then its backups, one read in flight at a time so a dozen unreachable clusters never hold the background
 * threads the shown cluster needs. {@link #close()} cancels what is under way.
 */
public final class OverviewViewModel {
    private final TaskExecutor executor;
    private final Callable<List<KnownCluster>> known;
    private final QuickStatus status;
    private final Clock clock;
    private final ObservableList<ClusterCardModel> cards = FXCollections.observableArrayList();
    private final ObservableList<ClusterCardModel> readOnlyCards = FXCollections.unmodifiableObservableList(cards);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanBinding shown = Bindings.size(cards).greaterThanOrEqualTo(2);
    private TaskExecutor.Cancellable inFlight;
    private boolean closed;

    public OverviewViewModel(TaskExecutor executor, Callable<List<KnownCluster>> known, QuickStatus status, Clock clock) {
        this.executor = executor;
        this.known = known;
        this.status = status;
        this.clock = clock;
    }

    /** Reads the known clusters, then their status card by card. Call on the UI thread. */
    public void load() {
        if (closed) {
            return;
        }
        loading.set(true);
        inFlight = executor.submit(known, clusters -> {
            if (closed) {
                return;
            }
            cards.setAll(clusters.stream().map(c -> new ClusterCardModel(c, clock.instant())).toList());
            readFrom(0);
        }, error -> loading.set(false)); // no overview: the welcome screen alone, as with no cluster
    }

    private void readFrom(int index) {
        if (closed || index >= cards.size() || !shown.get()) {
            loading.set(false);
            return;
        }
        ClusterCardModel card = cards.get(index);
        if (card.inventory().isEmpty()) {
            readFrom(index + 1);
            return;
        }
        Path inventory = card.inventory().get();
        inFlight = executor.submit(() -> status.read(inventory), reading -> {
            card.read(reading);
            readBackups(index, inventory);
        }, error -> {
            card.unknown(ErrorWords.describe(error));
            readFrom(index + 1);
        });
    }

    /** The backups after the status: SSH to every host may take longer, and the health should not wait for it. */
    private void readBackups(int index, Path inventory) {
        if (closed) {
            return;
        }
        ClusterCardModel card = cards.get(index);
        inFlight = executor.submit(() -> status.backups(inventory), backups -> {
            card.backups(backups, clock.instant());
            readFrom(index + 1);
        }, error -> {
            card.backupsUnknown(ErrorWords.describe(error));
            readFrom(index + 1);
        });
    }

    /** Stops reading: the window shows a cluster now, or closes. */
    public void close() {
        closed = true;
        loading.set(false);
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    public ObservableList<ClusterCardModel> cards() {
        return readOnlyCards;
    }

    /** Two known clusters or more: with fewer, the welcome screen stays as it was. */
    public BooleanBinding shownBinding() {
        return shown;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }
}
