package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterUnavailableException;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.inventory.Inventory;
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

    /** What the cluster lists, plus inventory members it does not list; the inventory alone if it cannot answer. */
    private static List<EtcdMember> members(ClusterSession session) {
        try {
            return LiveCluster.read(session).withInventory(session.inventory());
        } catch (ClusterUnavailableException e) {
            return session.inventory().etcdMembers();
        }
    }

    @Override
    public Integer call() throws Exception {
        ClusterStatus status;
        Inventory inventory;
        try (ClusterSession session = cluster.openExisting(); EtcdAdmin admin = session.etcd()) {
            inventory = session.inventory();
            status = ClusterProbe.probe(admin, members(session), TIMEOUT);
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
