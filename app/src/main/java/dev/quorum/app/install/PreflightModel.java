package dev.quorum.app.install;

import dev.quorum.app.wizard.KeyTrust;
import dev.quorum.core.remote.HostKeyScan;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The preflight page's logic. New host keys are listed with their fingerprints and trusted only
 * when the user ticks the consent box; then exactly those keys are recorded and the checks rerun.
 */
public final class PreflightModel {
    private final InstallChoices choices;
    private final ObservableList<PreflightRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper allOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> inventory = new ReadOnlyObjectWrapper<>();
    private final KeyTrust trust = new KeyTrust(this::check);
    private final BooleanBinding complete = Bindings.createBooleanBinding(() -> allOk.get() && !checking.get(),
            allOk, checking);
    private int generation;

    PreflightModel(InstallChoices choices) {
        this.choices = choices;
    }

    /** Checks every host again (nothing is trusted that was not consented to). */
    public void check() {
        check(List.of());
    }

    private void check(List<HostKeyScan> consented) {
        int mine = ++generation;
        checking.set(true);
        allOk.set(false);
        problem.set("");
        inventory.set(null);
        if (consented.isEmpty()) {
            rows.clear();
        }
        choices.services().executor().submit(new PreflightCheck(choices.target(), choices.services(), consented),
                result -> {
                    if (mine == generation) {
                        show(result);
                    }
                }, error -> {
                    if (mine == generation) {
                        checking.set(false);
                        rows.clear();
                        problem.set(PreflightCheck.message(error));
                    }
                });
    }

    private void show(PreflightCheck.Result result) {
        rows.setAll(result.rows());
        trust.found(result.unknownKeys());
        inventory.set(result.inventory());
        allOk.set(result.allOk());
        checking.set(false);
    }

    public ObservableList<PreflightRow> rows() {
        return rows;
    }

    /** New keys and the consent to trust them. */
    public KeyTrust trust() {
        return trust;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The inventory the checks ran on (written for typed-in hosts); the plan is built from it. */
    public ReadOnlyObjectProperty<Path> inventoryProperty() {
        return inventory.getReadOnlyProperty();
    }

    /** One binding for the page's lifetime: a new one per call would stop notifying once invalid. */
    public BooleanBinding complete() {
        return complete;
    }
}
