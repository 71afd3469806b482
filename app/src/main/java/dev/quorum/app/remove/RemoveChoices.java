package dev.quorum.app.remove;

import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.InventoryChoice;
import dev.quorum.app.wizard.MembersModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.Inventory;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the remove wizard's page shows and decides: the inventory, the member leaving (preselected
 * from the picture), the quorum arithmetic of its removal and where its data goes.
 */
public final class RemoveChoices {
    private final InventoryChoice inventory;
    private final MembersModel cluster;
    private final StringProperty preselected = new SimpleStringProperty("");
    private final ObjectProperty<ClusterMembers.Member> member = new SimpleObjectProperty<>();
    private final ObjectBinding<RemovalOutlook> outlook;
    private final StringBinding memberReason;
    private final StringBinding arithmetic;
    private final StringBinding warning;

    public RemoveChoices(WizardServices services) {
        this.inventory = new InventoryChoice(services.executor(), services.home(), true);
        this.cluster = new MembersModel(services);
        this.outlook = Bindings.createObjectBinding(() -> member.get() == null || !cluster.members().contains(member.get())
                ? null : RemovalOutlook.of(List.copyOf(cluster.members()), member.get()), member, cluster.members());
        this.memberReason = Bindings.createStringBinding(() -> reason(cluster, member.get(), outlook.get()),
                cluster.problemProperty(), cluster.loadedProperty(), cluster.statusProperty(), member, outlook);
        this.arithmetic = Bindings.createStringBinding(() -> outlook.get() == null ? "" : outlook.get().words(),
                outlook);
        this.warning = Bindings.createStringBinding(() -> warning(member.get(), inventory.inventoryProperty().get()),
                member, inventory.inventoryProperty());
    }

    static String reason(MembersModel cluster, ClusterMembers.Member member, RemovalOutlook outlook) {
        if (!cluster.problemProperty().get().isEmpty()) {
            return cluster.problemProperty().get();
        }
        if (!cluster.loadedProperty().get()) {
            return cluster.statusProperty().get();
        }
        if (member == null || outlook == null) {
            return "Choose the member to remove.";
        }
        return outlook.refusal();
    }

    /** Said before the run: the host keeps the data, moved aside, so nothing is lost by a wrong click. */
    static String warning(ClusterMembers.Member member, Inventory read) {
        if (member == null) {
            return "";
        }
        String dataDir = read == null ? "the data dir" : read.etcd().dataDir();
        return "On " + member.host() + " etcd is stopped and disabled, and " + dataDir + " is moved aside to "
                + dataDir + ".removed-<time> (not deleted), /etc/etcd.env likewise. A snapshot is taken first. "
                + "If the host does not answer, it is cleaned up later by hand (the run says how).";
    }

    /** Loads the members; the preselected one (by name or host) is chosen once they are read. */
    void loadMembers() {
        member.set(null);
        cluster.loadChoosing(inventory.file(), preselected.get(), member::set);
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

    /** Why Next is disabled (empty when the member may go). */
    public StringBinding memberReason() {
        return memberReason;
    }

    /** The quorum arithmetic in words, empty while no member is chosen or the removal is refused. */
    public StringBinding arithmetic() {
        return arithmetic;
    }

    /** What happens to the member's host and data. */
    public StringBinding warning() {
        return warning;
    }
}
