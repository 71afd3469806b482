package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Show members, leader, health, versions and DB sizes.")
final class StatusCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Inventory inventory = cluster.readInventory();
        if (!ClusterPki.exists(QuorumHome.fromEnvironment(), inventory.clusterName())) {
            throw new UserError("no certificates for cluster " + inventory.clusterName() + " on this workstation",
                    "install it first with: quorum install -i " + cluster.inventory);
        }
        ClusterStatus status;
        try (ClusterSession session = cluster.open(); EtcdAdmin admin = session.etcd()) {
            status = ClusterProbe.probe(admin, inventory.etcdMembers(), TIMEOUT);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(StatusJson.render(inventory, status));
        } else {
            StatusTable.print(inventory, status, out);
        }
        out.flush();
        return status.healthy() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
