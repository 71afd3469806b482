package dev.quorum.app.certificates;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Clock;
import java.time.Duration;

/**
 * Exactly what {@code quorum certs} reads: every etcd host's cert dir and env file (the shown cluster's:
 * {@code /etc/etcd-events.env} for the events cluster), and the workstation store (one CA for both clusters).
 */
public record SshCertificateSource(ClusterSource cluster, QuorumHome home) implements CertificateSource {

    @Override
    public InventoryReport read(Duration warn) {
        if (!ClusterPki.exists(home, cluster.pkiName())) { // the events cluster's is the main cluster's
            throw new NoWorkstationCaException(cluster.pkiName(), cluster.inventoryFile());
        }
        try (ClusterSession session = ClusterSessions.open(cluster.inventory(), home, cluster.ssh())) {
            return new CertificateInventory(session.inventory(), session::remote, warn, Clock.systemUTC())
                    .collect(WorkstationStore.read(session.home().pki(session.inventory().pkiName())));
        }
    }
}
