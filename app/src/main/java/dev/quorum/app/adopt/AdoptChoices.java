package dev.quorum.app.adopt;

import dev.quorum.app.wizard.HostKeysModel;
import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What the adopt wizard's page shares: the inventory (its CA is not here yet, so any readable one),
 * the etcd hosts' SSH keys (adoption is often Quorum's first contact with them) and whether the CA
 * key leaves the hosts afterwards.
 */
public final class AdoptChoices {
    private final InventoryChoice inventory;
    private final HostKeysModel keys;
    private final BooleanProperty removeCaKey = new SimpleBooleanProperty();
    private final StringBinding where;
    private final StringBinding reason;

    public AdoptChoices(WizardServices services) {
        this.inventory = new InventoryChoice(services.executor(), services.home(), false);
        this.keys = new HostKeysModel(services);
        inventory.inventoryProperty().addListener((obs, old, now) -> {
            if (now != null) {
                keys.check(inventory.file(), now.etcdMembers().stream().map(EtcdMember::hostName).toList());
            }
        });
        this.where = Bindings.createStringBinding(() -> where(inventory.inventoryProperty().get(), services),
                inventory.inventoryProperty());
        this.reason = Bindings.createStringBinding(() -> !inventory.reasonProperty().get().isEmpty()
                        ? inventory.reasonProperty().get() : keys.reason().get(),
                inventory.reasonProperty(), keys.reason());
    }

    private static String where(Inventory read, WizardServices services) {
        if (read == null) {
            return "";
        }
        String first = read.etcdMembers().isEmpty() ? "the first etcd host" : read.etcdMembers().get(0).hostName();
        return "Cluster " + read.clusterName() + ": the CA (ca.pem, ca-key.pem) is copied from " + first + " into "
                + services.home().pki(read.clusterName()) + " (folder 0700, key 0600).";
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    public HostKeysModel keys() {
        return keys;
    }

    /** --remove-ca-from-hosts. */
    public BooleanProperty removeCaKeyProperty() {
        return removeCaKey;
    }

    /** Where the CA comes from and goes to, once the inventory is read. */
    public StringBinding where() {
        return where;
    }

    /** Why Next is disabled: the inventory, then the host keys (empty when ready). */
    public StringBinding reason() {
        return reason;
    }

    boolean ready() {
        return inventory.inventoryProperty().get() != null && keys.allKnownProperty().get()
                && !keys.checkingProperty().get();
    }
}
