package dev.quorum.app.cli;

import dev.quorum.app.common.EtcdRouteWords;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.ClusterUnavailableException;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        ClusterStatus status;
        Inventory inventory;
        List<EtcdMember> notMembers;
        EtcdRoutes routes;
        try (ClusterSession session = cluster.openExisting(); EtcdAdmin admin = session.etcd()) {
            inventory = session.inventory();
            routes = session.etcdRoutes();
            Optional<LiveCluster> live = readLive(session);
            notMembers = live.map(l -> l.notListed(session.inventory())).orElse(List.of());
            status = ClusterProbe.probe(admin, live.map(LiveCluster::members).orElse(inventory.etcdMembers()), TIMEOUT);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(StatusJson.render(inventory, status, notMembers, routes));
        } else {
            StatusTable.print(inventory, status, notMembers, out);
            EtcdRouteWords.line(routes).ifPresent(out::println);
        }
        out.flush();
        return status.healthy() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** What the cluster lists; empty when no member answers, and the inventory is all there is to show. */
    private static Optional<LiveCluster> readLive(ClusterSession session) {
        try {
            return Optional.of(LiveCluster.read(session));
        } catch (ClusterUnavailableException e) {
            return Optional.empty();
        }
    }
}
