package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kubespray's bastion: a host named {@code bastion} (by convention in a {@code [bastion]} group) whose
 * {@code ansible_host}, {@code ansible_port}, {@code ansible_user} and key are how every other host is
 * reached, as Kubespray's {@code ansible_ssh_common_args} default and {@code ssh-bastion.conf} do. The
 * bastion and its group are how Quorum gets there, not cluster hosts.
 */
final class KubesprayBastion {
    static final String NAME = "bastion";

    private KubesprayBastion() {
    }

    /** The bastion's host and the group's other hosts: reached directly, never members. */
    static Set<String> hosts(ParsedInventory parsed) {
        Set<String> names = new LinkedHashSet<>(parsed.flattenedHosts(NAME));
        if (parsed.definedHosts().contains(NAME) || parsed.hostVars().containsKey(NAME)) {
            names.add(NAME);
        }
        return names;
    }

    /** The jump for every other host, from the bastion host as read; refuses a bastion Quorum cannot use. */
    static Optional<JumpHost> jump(String label, Set<String> bastionHosts, Optional<InventoryHost> bastion,
                                   List<String> etcdHosts) {
        if (bastion.isEmpty()) {
            if (!bastionHosts.isEmpty()) {
                throw new InventoryException(label + ": the bastion group lists " + String.join(", ", bastionHosts)
                        + ", but Kubespray only uses a host named bastion. Name the host bastion (bastion "
                        + "ansible_host=ADDRESS ansible_user=USER in INI), or declare the jump in "
                        + "ansible_ssh_common_args as -J USER@HOST:PORT.");
            }
            return Optional.empty();
        }
        List<String> clash = etcdHosts.stream().filter(bastionHosts::contains).toList();
        if (!clash.isEmpty()) {
            throw new InventoryException(label + ": " + String.join(", ", clash) + " is in the etcd group and is "
                    + "the bastion (or in its group). Keep the bastion out of the etcd group: it is how Quorum "
                    + "reaches the etcd hosts, not one of them.");
        }
        InventoryHost host = bastion.get();
        if (host.ssh().jump().isPresent()) {
            throw new InventoryException(label + ": the bastion itself is to be reached through "
                    + host.ssh().jump().get().spec() + ". Quorum goes through one bastion only: give the bastion "
                    + "the workstation reaches directly, or set ansible_ssh_common_args: \"-o ProxyJump=none\" "
                    + "in the bastion's host variables.");
        }
        return Optional.of(new JumpHost(host.ssh().address(), host.ssh().port(), host.ssh().user(),
                host.ssh().privateKey()));
    }
}
