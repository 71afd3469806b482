package dev.quorum.app.wizard;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Loads a cluster's live members, free hosts and former members (of the inventory's etcd group, not listed) in the
 * background for the add, remove and replace pages.
 */
public final class MembersModel {
    private final WizardServices services;
    private final ObservableList<ClusterMembers.Member> members = FXCollections.observableArrayList();
    private final ObservableList<String> freeHosts = FXCollections.observableArrayList();
    private final ObservableList<ClusterMembers.Member> former = FXCollections.observableArrayList();
    private final ObservableList<ClusterMembers.Member> leavable = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private int generation;

    public MembersModel(WizardServices services) {
        this.services = services;
    }

    /**
     * Loads the members, then hands on the one named {@code nameOrHost} (a member's name or host), a listed one
     * before a former one.
     */
    public void loadChoosing(Path inventory, String nameOrHost, Consumer<ClusterMembers.Member> chosen) {
        load(inventory, () -> leavable.stream().filter(m -> m.name().equals(nameOrHost) || m.host().equals(nameOrHost))
                .findFirst().ifPresent(chosen));
    }

    /** Reads the cluster again; {@code onLoaded} runs on the UI thread once the lists are filled. */
    public void load(Path inventory, Runnable onLoaded) {
        int mine = ++generation;
        loaded.set(false);
        problem.set("");
        status.set("Reading the cluster's members...");
        services.executor().submit(() -> ClusterMembers.read(inventory, services), read -> {
            if (mine == generation) {
                members.setAll(read.members());
                freeHosts.setAll(read.freeHosts());
                former.setAll(read.former());
                leavable.setAll(Stream.concat(read.members().stream(), read.former().stream()).toList());
                status.set("Cluster: " + read.health());
                loaded.set(true);
                onLoaded.run();
            }
        }, error -> {
            if (mine == generation) {
                members.clear();
                freeHosts.clear();
                former.clear();
                leavable.clear();
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

    /** Members of the inventory's etcd group that the member list does not show (see ClusterMembers#former). */
    public ObservableList<ClusterMembers.Member> former() {
        return former;
    }

    /** What a remove or replace page offers: the live members, then the {@link #former} ones. */
    public ObservableList<ClusterMembers.Member> leavable() {
        return leavable;
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
