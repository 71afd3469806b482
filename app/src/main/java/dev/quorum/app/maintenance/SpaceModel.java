package dev.quorum.app.maintenance;

import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.ActionableError;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.lifecycle.maintenance.MemberSpace;
import dev.quorum.core.lifecycle.maintenance.SpaceReport;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Reads each member's sizes and alarms in the background ({@link SpaceReport}), for the choice page. */
public final class SpaceModel {
    private final WizardServices services;
    private final ObservableList<MemberSpace> members = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper nospace = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper corrupt = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private int generation;

    public SpaceModel(WizardServices services) {
        this.services = services;
    }

    /** Reads the cluster again; a newer read makes an older one's answer moot. */
    public void load(Path inventory) {
        int mine = ++generation;
        loaded.set(false);
        problem.set("");
        status.set("Reading each member's database size and alarms...");
        services.executor().submit(() -> read(inventory), report -> {
            if (mine == generation) {
                members.setAll(report.members());
                nospace.set(report.any(EtcdAlarm.Kind.NOSPACE));
                corrupt.set(report.any(EtcdAlarm.Kind.CORRUPT));
                status.set("Cluster" + (report.revision() > 0 ? " at revision " + report.revision() : "") + ": "
                        + report.sentence() + (report.alarmError().isEmpty() ? "" : "; alarms unknown ("
                        + report.alarmError() + ")"));
                loaded.set(true);
            }
        }, error -> {
            if (mine == generation) {
                members.clear();
                status.set("");
                problem.set(String.valueOf(error.getMessage())
                        + (error instanceof ActionableError a && !a.hint().isBlank()
                        ? " What to do: " + a.hint() : ""));
            }
        });
    }

    private SpaceReport read(Path inventory) {
        try (ClusterSession session = SessionPlanSource.open(inventory, services)) {
            return SpaceReport.read(session);
        }
    }

    public ObservableList<MemberSpace> members() {
        return members;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Some member has a NOSPACE alarm. */
    public ReadOnlyBooleanProperty nospaceProperty() {
        return nospace.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty corruptProperty() {
        return corrupt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
