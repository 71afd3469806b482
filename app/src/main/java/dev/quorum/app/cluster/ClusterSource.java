package dev.quorum.app.cluster;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.remote.SshOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A cluster the app has open: its inventory as read, and how SSH checks its host keys. An inventory with
 * {@code etcd_events_cluster_enabled: true} holds two clusters (decision 0038); {@link #inventory()} is the one
 * shown ({@code NAME} or {@code NAME-events}), {@code opened} the inventory as read, from which the other is
 * taken when the user switches (decision 0044).
 *
 * @param inventory the shown cluster's inventory: every session, folder and wizard of this source uses it
 * @param sandbox   whether it is the local sandbox (its hosts are this machine's loopback)
 * @param opened    the inventory as read from the file (the main cluster's)
 */
public record ClusterSource(Inventory inventory, Optional<Path> knownHosts, boolean sandbox, Inventory opened) {

    /** The main cluster of {@code inventory}, as opened from its file. */
    public ClusterSource(Inventory inventory, Optional<Path> knownHosts, boolean sandbox) {
        this(inventory, knownHosts, sandbox, inventory);
    }

    public String name() {
        return inventory.clusterName();
    }

    public Path inventoryFile() {
        return inventory.source();
    }

    /** Which of the inventory's clusters this is. */
    public ClusterLayout layout() {
        return inventory.layout();
    }

    /** The cluster whose CA and client certificate this one uses (the events cluster shares the main one's). */
    public String pkiName() {
        return inventory.pkiName();
    }

    /** The clusters of the opened inventory: the main one, and the events one when the inventory enables it. */
    public List<ClusterLayout> clusters() {
        return opened.layout() == ClusterLayout.MAIN && opened.eventsCluster().isPresent()
                ? List.of(ClusterLayout.MAIN, ClusterLayout.EVENTS) : List.of(opened.layout());
    }

    /** The same inventory showing its cluster of {@code layout} (one of {@link #clusters()}). */
    public ClusterSource showing(ClusterLayout layout) {
        return layout == layout() ? this : new ClusterSource(opened.cluster(layout), knownHosts, sandbox, opened);
    }

    /** The SSH options every session on this cluster uses, as the CLI's: the defaults, with this known_hosts file. */
    public SshOptions ssh() {
        return knownHosts.map(SshOptions.defaults()::withKnownHostsFile).orElse(SshOptions.defaults());
    }
}
