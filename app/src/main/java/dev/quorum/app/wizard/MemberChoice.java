package dev.quorum.app.wizard;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One member of a running cluster, chosen on a page: the inventory, the members read from it, and
 * the one chosen, preselected by name or host when the wizard is opened from the cluster picture.
 */
public final class MemberChoice {
    private final InventoryChoice inventory;
    private final MembersModel cluster;
    private final StringProperty preselected = new SimpleStringProperty("");
    private final ObjectProperty<ClusterMembers.Member> member = new SimpleObjectProperty<>();

    public MemberChoice(WizardServices services) {
        this.inventory = new InventoryChoice(services.executor(), services.home(), true);
        this.cluster = new MembersModel(services);
    }

    /** Loads the members; the preselected one (by name or host) is chosen once they are read. */
    public void load() {
        member.set(null);
        cluster.loadChoosing(inventory.file(), preselected.get(), member::set);
    }

    /**
     * Why no member can be taken yet: the cluster's problem, else its status while loading, else
     * {@code noneChosen} while none is chosen; empty once one is.
     */
    public String reason(String noneChosen) {
        if (!cluster.problemProperty().get().isEmpty()) {
            return cluster.problemProperty().get();
        }
        if (!cluster.loadedProperty().get()) {
            return cluster.statusProperty().get();
        }
        return member.get() == null ? noneChosen : "";
    }

    /** What {@link #reason} reads, for a binding. */
    public Observable[] reasonDependencies() {
        return new Observable[] {cluster.problemProperty(), cluster.loadedProperty(), cluster.statusProperty(), member};
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    public MembersModel cluster() {
        return cluster;
    }

    public StringProperty preselectedProperty() {
        return preselected;
    }

    public ObjectProperty<ClusterMembers.Member> memberProperty() {
        return member;
    }
}
