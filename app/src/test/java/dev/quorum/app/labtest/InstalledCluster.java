package dev.quorum.app.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;

/**
 * What the desktop app's lab tests start from ({@link DesktopLabCluster} makes it): the lab's first hosts installed
 * as a cluster through core (not through a wizard), with its Quorum home in the test's folder.
 *
 * @param inventory the lab's inventory: every lab host, the first ones in the etcd group
 * @param home      the Quorum home holding the cluster's CA
 * @param ssh       SSH options trusting the given known_hosts file
 */
public record InstalledCluster(Path inventory, QuorumHome home, SshOptions ssh) {

    /** Runs the install plan through core on the inventory's hosts, which must succeed. */
    public void install() {
        try (ClusterSession session = session()) {
            var install = PlanRuns.apply(home, InstallPlan.build(session), event -> { }, new Cancellation());
            assertThat(install.result().succeeded()).as(install.result().failures().toString()).isTrue();
        }
    }

    public ClusterSession session() {
        return new ClusterSession(new InventoryReader().read(inventory), home, new SshConnector(ssh));
    }

    /** The cluster as etcd reports it now. */
    public ClusterStatus status() {
        try (ClusterSession session = session()) {
            return LiveCluster.read(session).probe(session);
        }
    }

    public String name() {
        return new InventoryReader().read(inventory).clusterName();
    }
}
