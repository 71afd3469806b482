package dev.quorum.app.replace;

import dev.quorum.app.wizard.ClusterMembers;
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
    private final StringBinding outlook;
    private final HostKeysModel keys;

    public ReplaceChoices(WizardServices services) {
        this.leaving = new MemberChoice(services);
        this.keys = new HostKeysModel(services);
        var cluster = leaving.cluster();
        newHost.addListener((obs, old, now) -> keys.check(leaving.inventory().file(),
                now == null ? List.of() : List.of(now)));
        this.memberReason = Bindings.createStringBinding(() -> leaving.reason("Choose the member to replace."),
                leaving.reasonDependencies());
        var member = leaving.memberProperty();
        this.hostReason = Bindings.createStringBinding(() -> !cluster.loadedProperty().get() ? ""
                : cluster.freeHosts().isEmpty() ? "Every inventory host is already a member: add the new host under "
                + "all.hosts in the inventory (ansible_host, ip) and choose the inventory again."
                : newHost.get() == null ? "Choose the host that takes its place."
                : sameHost(member.get(), newHost.get()), cluster.loadedProperty(), cluster.freeHosts(), newHost, member);
        this.outlook = Bindings.createStringBinding(() -> outlook(member.get()), member);
    }

    /** The core refuses it for a listed member; a former one's own host is refused alike, before the plan. */
    static String sameHost(ClusterMembers.Member old, String host) {
        return old != null && old.host().equals(host) ? host + " is the host of " + old.name() + " itself: to rebuild "
                + "a member on the same host, remove it and add the host again." : "";
    }

    /** What is left to do for a member the member list no longer shows; empty for a listed one (the page says it). */
    static String outlook(ClusterMembers.Member old) {
        return old == null || old.listed() ? "" : old.name() + " is no longer in the member list: the quorum stays as "
                + "it is; the replacement stops etcd on " + old.host() + ", moves its data aside, then the new host "
                + "joins.";
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

    /** Said for a former member: nothing leaves the quorum, its host is cleaned up and the new host joins. */
    public StringBinding outlook() {
        return outlook;
    }
}
