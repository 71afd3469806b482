package dev.quorum.app.restore;

import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the restore wizard's pages share: the source (a snapshot file, checked as it is typed,
 * or a survivor host), the new cluster's hosts (the inventory's etcd group) and the typed
 * confirmation. UI thread only; file checks go through the executor.
 */
public final class RestoreChoices {

    /** Where the data comes from. */
    public enum Source { SNAPSHOT, SURVIVOR }

    private final WizardServices services;
    private final InventoryChoice inventory;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.SNAPSHOT);
    private final StringProperty snapshotPath = new SimpleStringProperty("");
    private final ObjectProperty<SnapshotIntegrity> integrity = new SimpleObjectProperty<>();
    private final StringProperty survivor = new SimpleStringProperty();
    private final BooleanProperty skipHashCheck = new SimpleBooleanProperty();
    private final BooleanProperty raiseRevisions = new SimpleBooleanProperty(true);
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty declaredLost = new SimpleStringProperty("");
    private final ObservableList<Path> saved = FXCollections.observableArrayList();
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final StringBinding sourceReason;
    private final StringBinding confirmReason;

    public RestoreChoices(WizardServices services) {
        this.services = services;
        this.inventory = new InventoryChoice(services.executor(), services.home(), true);
        inventory.inventoryProperty().addListener((obs, old, now) -> inventoryRead(now));
        snapshotPath.addListener((obs, old, now) -> check(now));
        this.sourceReason = Bindings.createStringBinding(this::whySourceIncomplete, source, snapshotPath, integrity,
                survivor, skipHashCheck, inventory.inventoryProperty(), inventory.reasonProperty());
        this.confirmReason = Bindings.createStringBinding(() -> typed.get().trim().equals(expectedConfirmation())
                ? "" : "Type " + expectedConfirmation() + " to confirm.", typed, source, survivor,
                inventory.inventoryProperty());
    }

    private void inventoryRead(Inventory main) {
        Optional<Inventory> read = restored();
        hosts.setAll(read.map(r -> r.etcdMembers().stream().map(EtcdMember::hostName).toList()).orElse(List.of()));
        saved.clear();
        if (read.isPresent()) {
            // the events cluster's snapshots are under NAME-events, never the main cluster's (decision 0047)
            Path dir = services.home().snapshots(read.get().clusterName());
            services.executor().submit(() -> new SnapshotStore(dir).list().stream().map(SnapshotInfo::file).toList(),
                    saved::setAll, e -> { }); // an unreadable store leaves the list empty; a typed path still works
        }
    }

    /** Checks the typed file in the background; only the answer for the path still typed is kept. */
    private void check(String path) {
        integrity.set(null);
        if (path == null || path.isBlank()) {
            return;
        }
        Path file = Path.of(path.trim());
        services.executor().submit(() -> SnapshotVerifier.verify(file), found -> {
            if (path.equals(snapshotPath.get())) {
                integrity.set(found);
            }
        }, e -> {
            if (path.equals(snapshotPath.get())) {
                integrity.set(new SnapshotIntegrity(SnapshotIntegrity.State.NOT_A_SNAPSHOT, 0, "",
                        Optional.empty(), "cannot read it: " + e.getMessage()));
            }
        });
    }

    private String whySourceIncomplete() {
        if (!inventory.reasonProperty().get().isEmpty()) {
            return inventory.reasonProperty().get();
        }
        if (inventory.inventoryProperty().get() == null) {
            return "Reading the inventory...";
        }
        if (restored().isEmpty()) {
            return "The inventory does not enable the events cluster (" + ClusterLayout.EVENTS_ENABLED + ": true): "
                    + "there is no events cluster to restore.";
        }
        if (source.get() == Source.SURVIVOR) {
            return survivor.get() == null ? "Choose the surviving member whose data becomes the new cluster." : "";
        }
        if (snapshotPath.get().isBlank()) {
            return "Choose a snapshot from the list or type the path of a snapshot file.";
        }
        SnapshotIntegrity found = integrity.get();
        if (found == null) {
            return "Checking the file...";
        }
        return switch (found.state()) {
            case INTACT -> "";
            case MISSING -> "The file does not exist.";
            case DAMAGED -> "Damaged, do not restore from it: " + found.detail();
            case NOT_A_SNAPSHOT -> "Not a snapshot: " + found.detail();
            case RAW_DATABASE -> skipHashCheck.get() ? "" : "A raw database without integrity hash (a copy of a "
                    + "member's member/snap/db): tick \"restore it without the hash check\" only if you trust it.";
        };
    }

    /** What the user must type on the confirmation page: the cluster name, or the survivor host's. */
    public String expectedConfirmation() {
        if (source.get() == Source.SURVIVOR) {
            return survivor.get() == null ? "" : survivor.get();
        }
        return restored().map(Inventory::clusterName).orElse("");
    }

    /**
     * The cluster restored: the inventory's main one, or its events cluster when the wizard was opened on that view
     * (as {@code --cluster events}); empty while the inventory is not read, or when it does not enable that cluster.
     */
    public Optional<Inventory> restored() {
        Inventory read = inventory.inventoryProperty().get();
        if (read == null || services.layout() == read.layout()) {
            return Optional.ofNullable(read);
        }
        return read.eventsCluster().filter(events -> events.layout() == services.layout());
    }

    /** The request as {@code quorum restore --snapshot FILE} or {@code --from-survivor HOST} builds it. */
    public RestoreRequest request() {
        RestoreRequest request = source.get() == Source.SURVIVOR ? RestoreRequest.fromSurvivor(survivor.get())
                : RestoreRequest.fromSnapshot(Path.of(snapshotPath.get().trim()), skipHashCheck.get());
        return request.declaringLost(declaredLostMembers()).keepingRevisions(!raiseRevisions.get());
    }

    /** The members typed as gone for good, as {@code --declare-lost} takes them: names or hosts, comma or space separated. */
    public java.util.Set<String> declaredLostMembers() {
        return java.util.Arrays.stream(declaredLost.get().split("[,\\s]+")).filter(s -> !s.isBlank())
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * Voting members whose hosts cannot be asked and are gone for good. The restore refuses while
     * such members could still hold quorum, unless they are named here.
     */
    public StringProperty declaredLostProperty() {
        return declaredLost;
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty snapshotPathProperty() {
        return snapshotPath;
    }

    /** The last check of the typed file; null while checking or when none is typed. */
    public ReadOnlyObjectProperty<SnapshotIntegrity> integrityProperty() {
        return integrity;
    }

    public StringProperty survivorProperty() {
        return survivor;
    }

    /** Accept a raw database (no integrity hash), as {@code --skip-hash-check}; asked only for such a file. */
    public BooleanProperty skipHashCheckProperty() {
        return skipHashCheck;
    }

    /**
     * Raise the restored revisions past the old cluster's (decision 0079); off is {@code --keep-revisions}, for a
     * cluster no client watches.
     */
    public BooleanProperty raiseRevisionsProperty() {
        return raiseRevisions;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    /** The cluster's saved snapshots, newest first. */
    public ObservableList<Path> saved() {
        return saved;
    }

    /** The new cluster's hosts: the inventory's etcd group. */
    public ObservableList<String> hosts() {
        return hosts;
    }

    public StringBinding sourceReason() {
        return sourceReason;
    }

    public StringBinding confirmReason() {
        return confirmReason;
    }
}
