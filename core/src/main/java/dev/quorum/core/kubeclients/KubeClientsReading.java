package dev.quorum.core.kubeclients;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.apiservers.ApiserverObserver;
import dev.quorum.core.lifecycle.apiservers.ControlPlaneObservation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Kubernetes hosts as etcd clients over SSH: the certificate inventory (exactly what {@code quorum certs}
 * reads) and each control plane's kube-apiserver manifest. Read-only, blocking; an inventory without Kubernetes
 * hosts costs nothing.
 */
public final class KubeClientsReading {
    private KubeClientsReading() {
    }

    public static List<KubeClientStatus> read(ClusterSession session, Duration warn) {
        Inventory inventory = session.inventory();
        if (inventory.kubernetesHosts().isEmpty()) {
            return List.of();
        }
        Optional<WorkstationStore> store = WorkstationStore.read(session.home().pki(inventory.clusterName()));
        InventoryReport certificates = new CertificateInventory(inventory, session::remote, warn, Clock.systemUTC())
                .collect(store);
        List<ControlPlaneObservation> manifests = ApiserverObserver.observe(inventory.controlPlaneHosts(),
                session::remote);
        List<String> members = inventory.etcdMembers().stream().map(EtcdMember::clientUrl).toList();
        return KubeClientsOverview.build(inventory.kubernetesHosts(), inventory.controlPlaneHosts(), certificates,
                manifests, members);
    }
}
