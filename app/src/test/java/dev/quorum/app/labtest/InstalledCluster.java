package dev.quorum.app.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the desktop app's lab tests start from: the lab's first hosts installed as a cluster
 * through core (not through a wizard), with its Quorum home in the test's folder.
 *
 * @param inventory the lab's inventory: every lab host, the first ones in the etcd group
 * @param home      the Quorum home holding the cluster's CA
 * @param ssh       SSH options trusting the given known_hosts file
 */
public record InstalledCluster(Path inventory, QuorumHome home, SshOptions ssh) {

    /** Installs the first {@code etcdCount} lab hosts; hosts are trusted through {@code knownHosts}. */
    public static InstalledCluster install(Lab lab, Path dir, int etcdCount, Path knownHosts) throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        Path inventory = lab.writeInventory(dir.resolve("inventory"), Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()), etcdCount);
        InstalledCluster cluster = new InstalledCluster(inventory, new QuorumHome(dir.resolve("home")),
                SshOptions.defaults().withKnownHostsFile(knownHosts));
        try (ClusterSession session = cluster.session()) {
            var install = PlanRuns.apply(cluster.home, InstallPlan.build(session), event -> { }, new Cancellation());
            assertThat(install.result().succeeded()).as(install.result().failures().toString()).isTrue();
        }
        return cluster;
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
