package dev.quorum.app.cli;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.Inventory;
import java.util.List;
import java.util.Optional;

/**
 * The services on the etcd hosts that read the member and CA files (decision 0048): etcd, and etcd-events when the
 * inventory has an events cluster, which uses the main cluster's certificates and CA. The settings shown beside each
 * file (in brackets, or {@code usedBy} in JSON) are one env file's: {@code settingsFrom}.
 */
record CertReaders(List<ClusterLayout> services, ClusterLayout settingsFrom) {

    static CertReaders of(Inventory inventory) {
        boolean events = inventory.layout() == ClusterLayout.EVENTS || inventory.eventsCluster().isPresent();
        return new CertReaders(events ? List.of(ClusterLayout.MAIN, ClusterLayout.EVENTS) : List.of(ClusterLayout.MAIN),
                inventory.layout());
    }

    /** The note under the text listing; none when etcd alone reads the files. */
    Optional<String> note() {
        if (services.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("\nUsed by etcd (" + ClusterLayout.MAIN.envFile() + ") and etcd-events ("
                + ClusterLayout.EVENTS.envFile() + ") on every etcd host: the events cluster uses the main cluster's "
                + "certificates and CA; the settings in [] are " + settingsFrom.envFile() + "'s. "
                + "quorum certs renew -i INVENTORY renews them for both.");
    }
}
