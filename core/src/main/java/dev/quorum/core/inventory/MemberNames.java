package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Kubespray's etcd member names: the host's {@code etcd_member_name} if set, else {@code etcd} plus the
 * host's 1-based position in the etcd group. Names and addresses must be unique within the group.
 */
final class MemberNames {
    private MemberNames() {
    }

    /** @param scopes each host's variables, for {@code etcd_member_name} */
    static List<EtcdMember> assign(String label, List<InventoryHost> etcdHosts, Function<String, VariableScope> scopes) {
        List<EtcdMember> members = new ArrayList<>();
        Map<String, String> hostByName = new HashMap<>();
        Map<String, String> hostByAddress = new HashMap<>();
        for (int i = 0; i < etcdHosts.size(); i++) {
            InventoryHost host = etcdHosts.get(i);
            VariableScope scope = scopes.apply(host.name());
            String name = scope.text("etcd_member_name").orElse("etcd" + (i + 1));
            scope.checked("etcd_member_name", "of host " + host.name() + " ", name, InventoryRules::memberName,
                    "Give it a name such as etcd" + (i + 1) + ", or remove etcd_member_name to use Kubespray's etcd1, "
                            + "etcd2, ... names");
            String other = hostByName.putIfAbsent(name, host.name());
            if (other != null) {
                throw new InventoryException(label + ": etcd hosts " + other + " and " + host.name()
                        + " both have the member name " + name + ". Give each etcd host its own etcd_member_name, "
                        + "or remove etcd_member_name to use Kubespray's etcd1, etcd2, ... names.");
            }
            other = hostByAddress.putIfAbsent(host.address(), host.name());
            if (other != null) {
                throw new InventoryException(label + ": etcd hosts " + other + " and " + host.name()
                        + " both have the address " + host.address() + " (from access_ip, ip, ansible_host or the "
                        + "host name, in that order). Each etcd member needs its own address: correct access_ip, ip "
                        + "or ansible_host of one of them.");
            }
            members.add(new EtcdMember(host, name));
        }
        return members;
    }
}
