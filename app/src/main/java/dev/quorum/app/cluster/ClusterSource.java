package dev.quorum.app.cluster;

import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.remote.SshOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cluster the app has open: its inventory as read, and how SSH checks its host keys.
 *
 * @param sandbox whether it is the local sandbox (its hosts are this machine's loopback)
 */
public record ClusterSource(Inventory inventory, Optional<Path> knownHosts, boolean sandbox) {

    public String name() {
        return inventory.clusterName();
    }

    public Path inventoryFile() {
        return inventory.source();
    }

    /** The SSH options every session on this cluster uses, as the CLI's: the defaults, with this known_hosts file. */
    public SshOptions ssh() {
        return knownHosts.map(SshOptions.defaults()::withKnownHostsFile).orElse(SshOptions.defaults());
    }
}
