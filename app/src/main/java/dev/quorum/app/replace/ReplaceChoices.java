package dev.quorum.app.replace;

import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.HostKeysModel;
import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.MembersModel;
import dev.quorum.app.wizard.WizardServices;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the replace wizard's pages share: the inventory, the member leaving, the host joining, --keep-name. */
public final class ReplaceChoices {
    private final InventoryChoice inventory;
    private final MembersModel cluster;
    private final StringProperty preselected = new SimpleStringProperty("");
    private final ObjectProperty<ClusterMembers.Member> oldMember = new SimpleObjectProperty<>();
    private final StringProperty newHost = new SimpleStringProperty();
    private final BooleanProperty keepName = new SimpleBooleanProperty();
    private final StringBinding memberReason;
    private final StringBinding hostReason;
    private final HostKeysModel keys;

    public ReplaceChoices(WizardServices services) {
        this.inventory = new InventoryChoice(services.executor(), services.home(), true);
        this.cluster = new MembersModel(services);
        this.keys = new HostKeysModel(services);
        newHost.addListener((obs, old, now) -> keys.check(inventory.file(), now == null ? List.of() : List.of(now)));
        this.memberReason = Bindings.createStringBinding(() -> !cluster.problemProperty().get().isEmpty()
                ? cluster.problemProperty().get() : !cluster.loadedProperty().get() ? cluster.statusProperty().get()
                : oldMember.get() == null ? "Choose the member to replace." : "",
                cluster.problemProperty(), cluster.loadedProperty(), cluster.statusProperty(), oldMember);
        this.hostReason = Bindings.createStringBinding(() -> !cluster.loadedProperty().get() ? ""
                : cluster.freeHosts().isEmpty() ? "Every inventory host is already a member: add the new host under "
                + "all.hosts in the inventory (ansible_host, ip) and choose the inventory again."
                : newHost.get() == null ? "Choose the host that takes its place." : "",
                cluster.loadedProperty(), cluster.freeHosts(), newHost);
    }

    /** Loads the members; the preselected one (by name or host) is chosen once they are read. */
    void loadMembers() {
        oldMember.set(null);
        newHost.set(null);
        cluster.loadChoosing(inventory.file(), preselected.get(), oldMember::set);
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

    public ObjectProperty<ClusterMembers.Member> oldMemberProperty() {
        return oldMember;
    }

    public StringProperty newHostProperty() {
        return newHost;
    }

    public BooleanProperty keepNameProperty() {
        return keepName;
    }

    /** The new host's SSH key: a new one must be trusted before the plan connects. */
    public HostKeysModel keys() {
        return keys;
    }

    public StringBinding memberReason() {
        return memberReason;
    }

    public StringBinding hostReason() {
        return hostReason;
    }
}
