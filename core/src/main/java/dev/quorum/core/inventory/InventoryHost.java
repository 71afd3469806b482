package dev.quorum.core.inventory;

import dev.quorum.core.remote.SshTarget;
import java.util.Map;

/**
 * One host of the inventory.
 *
 * @param name    the inventory hostname (Ansible's {@code inventory_hostname}); certificate files are named after it
 * @param address the address other members and clients use (Kubespray: access_ip, then ip, then ansible_host)
 * @param ssh     how to reach the host over SSH
 * @param vars    every host variable as read, including ones Quorum does not interpret
 */
public record InventoryHost(String name, String address, SshTarget ssh, Map<String, Object> vars) {
    public InventoryHost {
        vars = Map.copyOf(vars);
    }

    /** The same host reached as {@code target} says. */
    public InventoryHost withSsh(SshTarget target) {
        return new InventoryHost(name, address, target, vars);
    }
}
