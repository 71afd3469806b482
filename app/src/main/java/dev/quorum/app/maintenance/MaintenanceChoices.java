package dev.quorum.app.maintenance;

import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the maintenance wizard's pages share: the inventory, the members' space, the task and its settings. */
public final class MaintenanceChoices {
    private static final long MIB = 1024L * 1024;

    private final InventoryChoice inventory;
    private final SpaceModel space;
    private final ObjectProperty<MaintenanceTask> task = new SimpleObjectProperty<>();
    private final StringProperty keepRevisions = new SimpleStringProperty(
            Long.toString(CompactRequest.DEFAULT_KEEP_REVISIONS));
    private final StringProperty minReclaimMib = new SimpleStringProperty(
            Long.toString(DefragRequest.DEFAULT_MIN_RECLAIM_BYTES / MIB));
    private final StringBinding reason;

    public MaintenanceChoices(WizardServices services) {
        this.inventory = new InventoryChoice(services.executor(), services.home(), true);
        this.space = new SpaceModel(services);
        this.reason = Bindings.createStringBinding(this::firstReason, space.problemProperty(), space.loadedProperty(),
                space.statusProperty(), space.nospaceProperty(), space.corruptProperty(), task, keepRevisions,
                minReclaimMib);
    }

    private String firstReason() {
        if (!space.problemProperty().get().isEmpty()) {
            return space.problemProperty().get();
        }
        if (!space.loadedProperty().get()) {
            return space.statusProperty().get();
        }
        if (space.corruptProperty().get()) {
            return "A member has a CORRUPT alarm: re-seed it first with Diagnose / Recover (quorum recover).";
        }
        MaintenanceTask chosen = task.get();
        if (chosen == null) {
            return "Choose what to do.";
        }
        if (chosen != MaintenanceTask.DEFRAG && wholeNumber(keepRevisions.get()) < 0) {
            return "Revisions to keep: a whole number, 0 or more.";
        }
        if (chosen != MaintenanceTask.COMPACT && wholeNumber(minReclaimMib.get()) < 0) {
            return "Free space worth a defragmentation: a whole number of MiB, 0 or more.";
        }
        if (chosen == MaintenanceTask.NOSPACE && !space.nospaceProperty().get()) {
            return "No member has a NOSPACE alarm: nothing to disarm (compact or defragment instead).";
        }
        return "";
    }

    private static long wholeNumber(String text) {
        String s = text == null ? "" : text.strip();
        return s.matches("\\d{1,12}") ? Long.parseLong(s) : -1;
    }

    /** Reads the members' sizes and alarms again. */
    public void refresh() {
        space.load(inventory.file());
    }

    public CompactRequest compactRequest() {
        return CompactRequest.keep(wholeNumber(keepRevisions.get()));
    }

    public DefragRequest defragRequest() {
        return new DefragRequest(wholeNumber(minReclaimMib.get()) * MIB);
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    public SpaceModel space() {
        return space;
    }

    public ObjectProperty<MaintenanceTask> taskProperty() {
        return task;
    }

    public StringProperty keepRevisionsProperty() {
        return keepRevisions;
    }

    public StringProperty minReclaimMibProperty() {
        return minReclaimMib;
    }

    /** Why Next is disabled, or empty. */
    public StringBinding reason() {
        return reason;
    }
}
