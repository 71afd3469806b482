package dev.quorum.app.install;

import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.WizardServices;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the install wizard's pages share: where the hosts come from, the inventory or the typed-in
 * hosts and release, and the inventory file the plan is built from.
 */
public final class InstallChoices {
    public enum Source { INVENTORY, TYPED }

    private final WizardServices services;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.INVENTORY);
    private final InventoryChoice inventory;
    private final TypedHosts typed = new TypedHosts();
    private final ReleaseSettings release = new ReleaseSettings();

    public InstallChoices(WizardServices services) {
        this.services = services;
        this.inventory = new InventoryChoice(services.executor(), services.home(), false);
    }

    /** The choices as they are now, to hand to background work (read on the UI thread). */
    public InstallTarget target() {
        if (source.get() == Source.INVENTORY) {
            return InstallTarget.chosen(inventory.file());
        }
        String name = typed.clusterNameProperty().get().strip();
        return InstallTarget.typed(services.home().cluster(name).resolve("hosts.yaml"), typed.hosts(),
                release.vars());
    }

    public WizardServices services() {
        return services;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public InventoryChoice inventory() {
        return inventory;
    }

    public TypedHosts typed() {
        return typed;
    }

    public ReleaseSettings release() {
        return release;
    }
}
