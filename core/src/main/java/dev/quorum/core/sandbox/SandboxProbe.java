package dev.quorum.core.sandbox;

import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.JetcdAdmin;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import java.time.Duration;

/** The sandbox's health as etcd reports it, over TLS with Quorum's client certificate. */
final class SandboxProbe {
    private SandboxProbe() {
    }

    static ClusterStatus probe(SandboxContext sandbox, Duration timeout) {
        Inventory inventory = new InventoryReader().read(sandbox.layout().inventoryFile());
        try (EtcdAdmin admin = JetcdAdmin.connect(sandbox.layout().members().stream().map(SandboxMember::clientUrl)
                .toList(), sandbox.pki().clientTls(), timeout)) {
            return ClusterProbe.probe(admin, inventory.etcdMembers(), timeout);
        }
    }
}
