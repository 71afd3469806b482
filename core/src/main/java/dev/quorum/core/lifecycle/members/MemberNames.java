package dev.quorum.core.lifecycle.members;

import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import java.util.Set;

/**
 * The name a new member gets: the host's {@code etcd_member_name}; else its Kubespray name
 * (etcdN by its place in the etcd group) if no other member uses it; else the first free etcdN.
 */
final class MemberNames {
    private MemberNames() {
    }

    static String forNewHost(Inventory inventory, InventoryHost host, Set<String> taken) {
        String suffix = inventory.layout().memberSuffix();
        Object explicit = host.vars().get("etcd_member_name");
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit + suffix;
        }
        var kubespray = inventory.member(host.name()).map(m -> m.memberName());
        if (kubespray.isPresent() && !taken.contains(kubespray.get())) {
            return kubespray.get();
        }
        for (int n = 1; ; n++) {
            if (!taken.contains("etcd" + n + suffix)) {
                return "etcd" + n + suffix;
            }
        }
    }
}
