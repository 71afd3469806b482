package dev.quorum.app.upgrade;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.core.ActionableError;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import dev.quorum.core.workspace.QuorumHome;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What the upgrade wizard's pages share: the inventory, the outlook read in the background (core's
 * observation and decision in words), and whether to roll back instead (offered while mixed) or downgrade instead
 * (offered one minor below a cluster on 3.6+); at most one of the two. UI thread only.
 */
public final class UpgradeChoices {
    private static final String READING = "Reading each member's version and checking the guards...";
    private final TaskExecutor executor;
    private final UpgradeReading reading;
    private final InventoryChoice inventory;
    private final ReadOnlyObjectWrapper<UpgradeOutlook> outlook = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanProperty rollback = new SimpleBooleanProperty();
    private final BooleanProperty downgrade = new SimpleBooleanProperty();
    private final StringBinding readReason;
    private final StringBinding reason;
    private final BooleanBinding rollbackOffered;
    private final BooleanBinding downgradeOffered;
    private int generation;

    public UpgradeChoices(TaskExecutor executor, QuorumHome home, UpgradeReading reading) {
        this.executor = executor;
        this.reading = reading;
        this.inventory = new InventoryChoice(executor, home, true);
        this.readReason = Bindings.createStringBinding(() -> !problem.get().isEmpty() ? problem.get()
                : outlook.get() == null ? status.get() : "", problem, outlook, status);
        // Not read yet is a reason too: the guards page is complete only on a read outlook that nothing blocks.
        this.reason = Bindings.createStringBinding(() -> !readReason.get().isEmpty() ? readReason.get()
                : outlook.get() == null ? READING : outlook.get().blocking(), readReason, outlook);
        this.rollbackOffered = Bindings.createBooleanBinding(() -> rollback.get()
                || (outlook.get() != null && outlook.get().mixed()), rollback, outlook);
        this.downgradeOffered = Bindings.createBooleanBinding(() -> downgrade.get()
                || (outlook.get() != null && outlook.get().downgradeOffered()), downgrade, outlook);
        rollback.addListener((obs, was, now) -> chose(now, downgrade));
        downgrade.addListener((obs, was, now) -> chose(now, rollback));
    }

    /**
     * One "instead" at a time: choosing one clears the other, whose own listener then reads the cluster once for the
     * new choice (a read observes every member over SSH: one per click).
     */
    private void chose(boolean chosen, BooleanProperty other) {
        if (chosen && other.get()) {
            other.set(false);
            return;
        }
        refresh();
    }

    /** Reads the cluster and the guards' decision again; a newer read makes an older one's answer moot. */
    public void refresh() {
        int mine = ++generation;
        outlook.set(null);
        problem.set("");
        status.set(READING);
        UpgradeRequest request = request();
        java.nio.file.Path file = inventory.file(); // read here: the work runs off the UI thread
        executor.submit(() -> reading.read(file, request), read -> {
            if (mine == generation) {
                status.set("");
                outlook.set(read);
            }
        }, error -> {
            if (mine == generation) {
                status.set("");
                problem.set(String.valueOf(error.getMessage()) + (error instanceof ActionableError a
                        && !a.hint().isBlank() ? " What to do: " + a.hint() : ""));
            }
        });
    }

    public UpgradeRequest request() {
        return rollback.get() ? UpgradeRequest.rollBack()
                : downgrade.get() ? UpgradeRequest.downgradeOneMinor() : UpgradeRequest.upgrade();
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    /** The last read; null while reading or when it failed. */
    public ReadOnlyObjectProperty<UpgradeOutlook> outlookProperty() {
        return outlook.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Put the kept old binaries back instead ({@code quorum upgrade --rollback}); meaningful while mixed. */
    public BooleanProperty rollbackProperty() {
        return rollback;
    }

    /** A rollback is offered while the cluster is mixed, and stays on screen while its own read is under way. */
    public BooleanBinding rollbackOffered() {
        return rollbackOffered;
    }

    /** Take the cluster one minor back with etcd's own downgrade instead ({@code quorum upgrade --downgrade}). */
    public BooleanProperty downgradeProperty() {
        return downgrade;
    }

    /** A downgrade is offered one minor below a cluster on 3.6+, and stays on screen while its own read is under way. */
    public BooleanBinding downgradeOffered() {
        return downgradeOffered;
    }

    /** Why the versions page cannot go on: still reading, or the read failed. */
    public StringBinding readReason() {
        return readReason;
    }

    /** Why Next is disabled on the guards page: the read's reason, a refusing guard, or nothing to do. */
    public StringBinding reason() {
        return reason;
    }
}
