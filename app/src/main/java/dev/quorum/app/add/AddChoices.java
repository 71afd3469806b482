package dev.quorum.app.add;

import dev.quorum.app.wizard.HostKeysModel;
import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.MembersModel;
import dev.quorum.app.wizard.WizardServices;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the add wizard's pages share: the inventory and the hosts to add, in the order chosen. */
public final class AddChoices {
    private final InventoryChoice inventory;
    private final MembersModel cluster;
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final StringBinding hostsReason;
    private final HostKeysModel keys;

    public AddChoices(WizardServices services) {
        this.inventory = new InventoryChoice(services.executor(), services.home(), true);
        this.cluster = new MembersModel(services);
        this.keys = new HostKeysModel(services);
        chosen.addListener((javafx.collections.ListChangeListener<String>) change ->
                keys.check(inventory.file(), List.copyOf(chosen)));
        this.hostsReason = Bindings.createStringBinding(() -> !cluster.problemProperty().get().isEmpty()
                        ? cluster.problemProperty().get()
                        : !cluster.loadedProperty().get() ? cluster.statusProperty().get()
                        : cluster.freeHosts().isEmpty() ? "Every inventory host is already a member: add the host "
                        + "under all.hosts in the inventory (ansible_host, ip) and choose the inventory again."
                        : chosen.isEmpty() ? "Choose at least one host to add." : "",
                cluster.problemProperty(), cluster.loadedProperty(), cluster.statusProperty(), cluster.freeHosts(),
                chosen);
    }

    void loadHosts() {
        chosen.clear();
        cluster.load(inventory.file(), () -> { });
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    public MembersModel cluster() {
        return cluster;
    }

    /** The hosts to add; they join one after the other in this order. */
    public ObservableList<String> chosen() {
        return chosen;
    }

    /** The chosen hosts' SSH keys: new ones must be trusted before the plan connects. */
    public HostKeysModel keys() {
        return keys;
    }

    public StringBinding hostsReason() {
        return hostsReason;
    }
}
