package dev.quorum.app.snapshots;

import dev.quorum.app.common.ErrorWords;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Snapshots tab's state: the store's files newest first, each checked as {@code quorum
 * snapshot verify} does; "Snapshot now" saves as {@code quorum snapshot save} does, in the
 * background and one at a time. UI thread only; the work goes through the {@link TaskExecutor}.
 */
public final class SnapshotsViewModel {
    /** Listed at most; older files stay on disk and in {@code quorum snapshot list}. */
    public static final int MAX_ROWS = 200;

    /** Saves one snapshot (blocking): from a healthy member of the cluster into the store. */
    @FunctionalInterface
    public interface Saver {
        SnapshotInfo save() throws Exception;
    }

    private final TaskExecutor executor;
    private final SnapshotStore store;
    private final Saver saver;
    private final ObservableList<SnapshotRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SnapshotRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    /** Only the newest listing is shown: an older one may answer last. */
    private int generation;

    public SnapshotsViewModel(TaskExecutor executor, Path dir, Saver saver) {
        this.executor = executor;
        this.store = new SnapshotStore(dir);
        this.saver = saver;
    }

    /** The open cluster's tab: its store under {@code home}, saved over a session opened as the CLI opens one. */
    public static SnapshotsViewModel forCluster(TaskExecutor executor, QuorumHome home, ClusterSource source) {
        SshOptions ssh = source.ssh();
        return new SnapshotsViewModel(executor, home.snapshots(source.name()), () -> {
            try (ClusterSession session = ClusterSessions.open(source.inventory(), home, ssh)) {
                return ClusterSnapshots.save(session, "manual", Optional.empty());
            }
        });
    }

    /** Lists and checks every file again (reads each file once, in the background); a running save reloads when done. */
    public void reload() {
        if (saving.get()) {
            return;
        }
        Path keep = selected.get() == null ? null : selected.get().file();
        int mine = ++generation;
        executor.submit(this::readAll, found -> {
            if (mine == generation) {
                show(found, keep);
            }
        }, e -> error.set("Cannot list " + store.dir() + ": " + ErrorWords.describe(e)));
    }

    /** Saves a snapshot now; ignored while one is being saved. */
    public void saveNow() {
        if (saving.get()) {
            return;
        }
        saving.set(true);
        generation++;
        error.set("");
        status.set("Saving a snapshot from a healthy member...");
        long started = System.nanoTime();
        executor.submit(() -> {
            SnapshotInfo info = saver.save();
            return new Saved(info, readAll());
        }, saved -> {
            saving.set(false);
            status.set(String.format(Locale.ROOT, "Saved %s in %.1f s.", saved.info.file().getFileName(),
                    (System.nanoTime() - started) / 1e9));
            show(saved.all, saved.info.file());
        }, e -> {
            saving.set(false);
            status.set("");
            error.set("Snapshot failed: " + ErrorWords.describe(e));
        });
    }

    /** Checks the selected file again (e.g. after it was copied back from elsewhere). */
    public void verifySelected() {
        SnapshotRow row = selected.get();
        if (row == null) {
            return;
        }
        status.set("Verifying " + row.file().getFileName() + "...");
        executor.submit(() -> check(row), checked -> {
            int at = indexOf(row.file());
            if (at >= 0) {
                rows.set(at, checked);
            }
            selected.set(checked);
            status.set(row.file().getFileName() + ": " + checked.integrityText() + ".");
        }, e -> error.set("Cannot verify " + row.file() + ": " + ErrorWords.describe(e)));
    }

    private List<SnapshotRow> readAll() throws Exception {
        List<SnapshotRow> found = new ArrayList<>();
        for (SnapshotInfo info : store.list()) {
            if (found.size() == MAX_ROWS) {
                break;
            }
            found.add(check(new SnapshotRow(info, Integrity.CHECKING, "")));
        }
        return found;
    }

    private static SnapshotRow check(SnapshotRow row) throws Exception {
        SnapshotIntegrity integrity = SnapshotVerifier.verify(row.file());
        return row.checked(Integrity.of(integrity), integrity.detail());
    }

    private void show(List<SnapshotRow> found, Path select) {
        rows.setAll(found);
        selected.set(select == null || indexOf(select) < 0 ? null : rows.get(indexOf(select)));
    }

    private int indexOf(Path file) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).file().toAbsolutePath().equals(file.toAbsolutePath())) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<SnapshotRow> rows() {
        return rows;
    }

    public ObjectProperty<SnapshotRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** Progress and the last result, e.g. the new file's name. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The last failure, with its hint; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public Path dir() {
        return store.dir();
    }

    private record Saved(SnapshotInfo info, List<SnapshotRow> all) {
    }
}
