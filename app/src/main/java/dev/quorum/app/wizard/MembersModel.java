package dev.quorum.app.wizard;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Loads a cluster's live members and free hosts in the background for the add and replace pages. */
public final class MembersModel {
    private final WizardServices services;
    private final ObservableList<ClusterMembers.Member> members = FXCollections.observableArrayList();
    private final ObservableList<String> freeHosts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private int generation;

    public MembersModel(WizardServices services) {
        this.services = services;
    }

    /** Reads the cluster again; {@code onLoaded} runs on the UI thread once the lists are filled. */
    /** Loads the members, then hands on the one named {@code nameOrHost} (a member's name or host), if listed. */
    public void loadChoosing(Path inventory, String nameOrHost, java.util.function.Consumer<ClusterMembers.Member> chosen) {
        load(inventory, () -> members.stream().filter(m -> m.name().equals(nameOrHost) || m.host().equals(nameOrHost))
                .findFirst().ifPresent(chosen));
    }

    public void load(Path inventory, Runnable onLoaded) {
        int mine = ++generation;
        loaded.set(false);
        problem.set("");
        status.set("Reading the cluster's members...");
        services.executor().submit(() -> ClusterMembers.read(inventory, services), read -> {
            if (mine == generation) {
                members.setAll(read.members());
                freeHosts.setAll(read.freeHosts());
                status.set("Cluster: " + read.health());
                loaded.set(true);
                onLoaded.run();
            }
        }, error -> {
            if (mine == generation) {
                members.clear();
                freeHosts.clear();
                status.set("");
                problem.set(String.valueOf(error.getMessage())
                        + (error instanceof dev.quorum.core.ActionableError a && !a.hint().isBlank()
                        ? " What to do: " + a.hint() : ""));
            }
        });
    }

    public ObservableList<ClusterMembers.Member> members() {
        return members;
    }

    public ObservableList<String> freeHosts() {
        return freeHosts;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The cluster's health in words, once read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the members could not be read (empty otherwise). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
