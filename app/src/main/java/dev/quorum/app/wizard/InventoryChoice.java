package dev.quorum.app.wizard;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An inventory path as typed or chosen, validated as typed: cheap checks at once, then the file
 * read in the background; the reason is shown beside the field until it reads well.
 */
public final class InventoryChoice {
    private final TaskExecutor executor;
    private final QuorumHome home;
    private final boolean mustBeManaged;
    private final StringProperty path = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Inventory> inventory = new ReadOnlyObjectWrapper<>();
    private int generation;

    /** @param mustBeManaged the cluster must already be installed by Quorum (its CA on this workstation) */
    public InventoryChoice(TaskExecutor executor, QuorumHome home, boolean mustBeManaged) {
        this.executor = executor;
        this.home = home;
        this.mustBeManaged = mustBeManaged;
        path.addListener((obs, old, now) -> validate(now));
        validate("");
    }

    private void validate(String text) {
        int mine = ++generation;
        inventory.set(null);
        String quick = quickReason(text);
        if (!quick.isEmpty()) {
            reason.set(quick);
            return;
        }
        reason.set("Reading the inventory...");
        Path file = Path.of(text.strip());
        executor.submit(() -> read(file), read -> {
            if (mine == generation) {
                inventory.set(read);
                reason.set("");
            }
        }, error -> {
            if (mine == generation) {
                reason.set(String.valueOf(error.getMessage()));
            }
        });
    }

    static String quickReason(String text) {
        if (text == null || text.isBlank()) {
            return "Choose the cluster's Kubespray inventory file (hosts.yaml).";
        }
        Path file;
        try {
            file = Path.of(text.strip());
        } catch (InvalidPathException e) {
            return "Not a file path: " + e.getReason();
        }
        if (!Files.exists(file)) {
            return "No such file: " + file + ". Check the path or choose the file with Browse.";
        }
        if (Files.isDirectory(file)) {
            return file + " is a folder: choose the inventory file inside it, usually hosts.yaml.";
        }
        return "";
    }

    private Inventory read(Path file) {
        Inventory read = new InventoryReader().read(file);
        if (mustBeManaged && !ClusterPki.exists(home, read.clusterName())) {
            throw new IllegalArgumentException("Quorum has no certificates for cluster " + read.clusterName()
                    + " on this workstation: install it first (Install...), or choose its inventory.");
        }
        return read;
    }

    public StringProperty pathProperty() {
        return path;
    }

    /** Empty while the inventory reads well. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The inventory as read, or null while the path is not (yet) valid. */
    public ReadOnlyObjectProperty<Inventory> inventoryProperty() {
        return inventory.getReadOnlyProperty();
    }

    public Path file() {
        return Path.of(path.get().strip()).toAbsolutePath().normalize();
    }
}
