package dev.quorum.app.remove;

import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.MemberChoice;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.Inventory;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;

/**
 * What the remove wizard's page shows and decides: the inventory, the member leaving (preselected
 * from the picture), the quorum arithmetic of its removal and where its data goes.
 */
public final class RemoveChoices {
    private static final String CHOOSE = "Choose the member to remove.";
    private final MemberChoice leaving;
    private final ObjectBinding<RemovalOutlook> outlook;
    private final StringBinding memberReason;
    private final StringBinding arithmetic;
    private final StringBinding warning;

    public RemoveChoices(WizardServices services) {
        this.leaving = new MemberChoice(services);
        var member = leaving.memberProperty();
        var members = leaving.cluster().members();
        var former = leaving.cluster().former();
        this.outlook = Bindings.createObjectBinding(() -> member.get() == null ? null
                : former.contains(member.get()) ? RemovalOutlook.retiring(member.get())
                : members.contains(member.get()) ? RemovalOutlook.of(List.copyOf(members), member.get()) : null,
                member, members, former);
        this.memberReason = Bindings.createStringBinding(() -> reason(leaving.reason(CHOOSE), outlook.get()),
                Stream.concat(Stream.of(leaving.reasonDependencies()), Stream.of(outlook)).toArray(Observable[]::new));
        this.arithmetic = Bindings.createStringBinding(() -> outlook.get() == null ? "" : outlook.get().words(),
                outlook);
        this.warning = Bindings.createStringBinding(() -> warning(member.get(),
                leaving.inventory().inventoryProperty().get()), member, leaving.inventory().inventoryProperty());
    }

    private static String reason(String chosen, RemovalOutlook outlook) {
        if (!chosen.isEmpty()) {
            return chosen;
        }
        return outlook == null ? CHOOSE : outlook.refusal();
    }

    /** Said before the run: the host keeps the data, moved aside, so nothing is lost by a wrong click. */
    static String warning(ClusterMembers.Member member, Inventory read) {
        if (member == null) {
            return "";
        }
        String dataDir = read == null ? "the data dir" : read.etcd().dataDir();
        return "On " + member.host() + " etcd is stopped and disabled, and " + dataDir + " is moved aside to "
                + dataDir + ".removed-<time> (not deleted), /etc/etcd.env likewise. "
                + (member.listed() ? "A snapshot is taken first. " : "")
                + "If the host does not answer, it is cleaned up later by hand (the run says how).";
    }

    /** The inventory, its members and the one leaving. */
    public MemberChoice leaving() {
        return leaving;
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
