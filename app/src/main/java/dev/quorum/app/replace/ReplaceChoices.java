package dev.quorum.app.replace;

import dev.quorum.app.wizard.HostKeysModel;
import dev.quorum.app.wizard.MemberChoice;
import dev.quorum.app.wizard.WizardServices;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the replace wizard's pages share: the inventory, the member leaving, the host joining, --keep-name. */
public final class ReplaceChoices {
    private final MemberChoice leaving;
    private final StringProperty newHost = new SimpleStringProperty();
    private final BooleanProperty keepName = new SimpleBooleanProperty();
    private final StringBinding memberReason;
    private final StringBinding hostReason;
    private final HostKeysModel keys;

    public ReplaceChoices(WizardServices services) {
        this.leaving = new MemberChoice(services);
        this.keys = new HostKeysModel(services);
        var cluster = leaving.cluster();
        newHost.addListener((obs, old, now) -> keys.check(leaving.inventory().file(),
                now == null ? List.of() : List.of(now)));
        this.memberReason = Bindings.createStringBinding(() -> leaving.reason("Choose the member to replace."),
                leaving.reasonDependencies());
        this.hostReason = Bindings.createStringBinding(() -> !cluster.loadedProperty().get() ? ""
                : cluster.freeHosts().isEmpty() ? "Every inventory host is already a member: add the new host under "
                + "all.hosts in the inventory (ansible_host, ip) and choose the inventory again."
                : newHost.get() == null ? "Choose the host that takes its place." : "",
                cluster.loadedProperty(), cluster.freeHosts(), newHost);
    }

    /** Loads the members (the new host is chosen again among those that are not members). */
    void loadMembers() {
        newHost.set(null);
        leaving.load();
    }

    /** The inventory, its members and the one to replace. */
    public MemberChoice leaving() {
        return leaving;
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
