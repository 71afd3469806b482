package dev.quorum.core.inventory;

import dev.quorum.core.remote.SshTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One host of the inventory.
 *
 * @param name           the inventory hostname (Ansible's {@code inventory_hostname}); certificate files are named
 *                       after it
 * @param address        the address other members and clients use (Kubespray's {@code etcd_access_address}:
 *                       access_ip, then ip, then ansible_host; access_ip6, then ip6 on an IPv6-only stack)
 * @param ssh            how to reach the host over SSH
 * @param vars           every host variable as read, including ones Quorum does not interpret
 * @param bindAddress    the host's own address etcd listens on (Kubespray's {@code etcd_address}: ip, or ip6 on an
 *                       IPv6-only stack), which may differ from {@code address} behind NAT
 * @param otherAddresses the other stack's addresses on a dual-stack host (access_ip6 and ip6), for certificates
 */
public record InventoryHost(String name, String address, SshTarget ssh, Map<String, Object> vars, String bindAddress,
                            List<String> otherAddresses) {
    public InventoryHost {
        vars = Map.copyOf(vars);
        otherAddresses = List.copyOf(otherAddresses);
    }

    /** A host whose one address is both used by others and listened on. */
    public InventoryHost(String name, String address, SshTarget ssh, Map<String, Object> vars) {
        this(name, address, ssh, vars, address, List.of());
    }

    /** The same host reached as {@code target} says. */
    public InventoryHost withSsh(SshTarget target) {
        return new InventoryHost(name, address, target, vars, bindAddress, otherAddresses);
    }

    /** Every address a member's certificate names: the one others use first, each once. */
    public List<String> certificateAddresses() {
        Set<String> all = new LinkedHashSet<>();
        all.add(address);
        all.add(bindAddress);
        all.addAll(otherAddresses);
        return List.copyOf(all);
    }
}
