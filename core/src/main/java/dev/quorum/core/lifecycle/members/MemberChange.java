package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.EtcdMember;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A membership plan and what the user must know once it has run: the members afterwards and
 * what to update outside etcd.
 *
 * @param sendTo the started voting members that neither leave nor join: where the plan's etcd requests go
 */
public record MemberChange(Plan plan, List<EtcdMember> membersAfter, List<String> inventoryNotes,
                           List<EtcdMember> sendTo) {
    public MemberChange {
        membersAfter = List.copyOf(membersAfter);
        inventoryNotes = List.copyOf(inventoryNotes);
        sendTo = List.copyOf(sendTo);
    }

    public String clientEndpoints() {
        return membersAfter.stream().map(EtcdMember::clientUrl).collect(Collectors.joining(","));
    }

    /** What to tell the operator after a successful run. */
    public List<String> afterwards() {
        List<String> lines = new ArrayList<>();
        lines.add("Members now: " + membersAfter.stream().map(m -> m.memberName() + " (" + m.hostName() + ")")
                .collect(Collectors.joining(", ")));
        lines.add("Client endpoints: " + clientEndpoints());
        lines.add("Update what talks to etcd, e.g. kube-apiserver --etcd-servers=" + clientEndpoints()
                + " (on the control planes: --update-apiservers, or quorum apiservers update once the inventory names "
                + "the members)");
        lines.addAll(inventoryNotes);
        return lines;
    }
}
