package dev.quorum.app.cli;

import dev.quorum.app.common.EtcdRouteWords;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterUnavailableException;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.SilentEndpoints;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.sandbox.SandboxLayout;
import dev.quorum.core.threads.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", description = {"Show members, leader, health, versions and DB sizes, and how the scheduled "
        + "backups stand.", "Exit status 1 when a member is unhealthy or the scheduled backups are stale or failed."})
final class StatusCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** The sandbox's backups: not scheduled, and no host to ask. */
    static final BackupHealth SANDBOX = BackupHealth.evaluate(List.of(), List.of());
    static final String SANDBOX_NOTE = "the sandbox's members run on this machine without systemd; "
            + "quorum snapshot save takes a snapshot";

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
        BackupHealth backups;
        boolean sandbox;
        var out = spec.commandLine().getOut();
        // SSH only for the backups: a host that does not answer soon is unknown, status must stay quick. The SSH
        // reads go on beside the etcd reads: each side spends most of its time starting up (key exchange, gRPC).
        try (ClusterSession session = cluster.openExisting(TIMEOUT)) {
            inventory = session.inventory();
            sandbox = sandbox(session);
            // each cluster its own scheduled backups: the events cluster's are quorum-backup-events.* (decision 0043)
            CompletableFuture<BackupHealth> backupRead = sandbox ? CompletableFuture.completedFuture(SANDBOX)
                    : CompletableFuture.supplyAsync(() -> BackupOverview.read(session).health(), BACKGROUND);
            routes = session.etcdRoutes();
            Optional<LiveCluster> live = readLive(session);
            notMembers = live.map(l -> l.notListed(session.inventory())).orElse(List.of());
            // the session's one client, which the member list was just read through: the members that answered with
            // a leader, else all of the inventory's (one client's set-up and TLS connections, not three: decision 0051);
            // each member's own status is the one it gave that read moments ago: one call per member (decision 0058)
            EtcdAdmin admin = session.sharedEtcd();
            status = ClusterProbe.probe(admin, live.map(LiveCluster::members).orElse(inventory.etcdMembers()), TIMEOUT,
                    new SilentEndpoints(), live.map(LiveCluster::answered).orElse(List.of()));
            if (!json) {
                StatusTable.printHealth(inventory, status, out);
                out.flush();
            }
            backups = joined(backupRead);
        }
        if (json) {
            out.println(StatusJson.render(inventory, status, notMembers, routes, backups));
        } else {
            StatusTable.printRest(status, notMembers, backups, sandbox ? Optional.of(SANDBOX_NOTE) : Optional.empty(),
                    out);
            EtcdRouteWords.line(routes).ifPresent(out::println);
        }
        out.flush();
        return status.healthy() && !backups.status().needsAttention() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * The local sandbox's members are processes on this machine, without SSH or systemd: nothing is scheduled and
     * nothing can be, which is what is said instead of "unknown" from hosts that were never there to ask.
     */
    static boolean sandbox(ClusterSession session) {
        return new SandboxLayout(session.home()).isInventory(session.inventory().source());
    }

    /** Daemon threads: a read still going when the command fails must not keep the JVM alive. */
    private static final Executor BACKGROUND = DaemonThreads.ownThread("quorum-status-backups");

    private static BackupHealth joined(CompletableFuture<BackupHealth> read) throws Exception {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
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
