package dev.quorum.app.common;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.EtcdRoutePolicy;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;

/** Opens a cluster session the same way for the CLI and the wizards: the inventory read now, these SSH options. */
public final class ClusterSessions {
    private ClusterSessions() {
    }

    public static ClusterSession open(Path inventory, QuorumHome home, SshOptions ssh) {
        return open(new InventoryReader().read(inventory), home, ssh);
    }

    /** Direct to etcd where the client port answers, through SSH tunnels where it does not. */
    public static ClusterSession open(Inventory inventory, QuorumHome home, SshOptions ssh) {
        return open(inventory, home, ssh, EtcdRoutePolicy.AUTO);
    }

    public static ClusterSession open(Inventory inventory, QuorumHome home, SshOptions ssh, EtcdRoutePolicy routing) {
        return new ClusterSession(inventory, home, new SshConnector(ssh), routing);
    }
}
