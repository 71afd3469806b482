package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.apiservers.ApiserverPlans;
import dev.quorum.core.lifecycle.backup.pull.BackupLocation;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", description = {"Disaster recovery when quorum is lost for good: a new cluster from a snapshot or a survivor.",
        "The inventory's etcd group (survivors and new hosts) becomes a new cluster restored from one snapshot.",
        "Old data dirs are moved aside.",
        "Refused while the cluster still has quorum, and for a snapshot whose hash does not match."})
final class RestoreCommand extends ClusterChangeCommand {
    @Mixin
    ApiserverOptions apiservers;

    static final String DATA_LOSS_FLAG = "--yes-i-understand-data-loss";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--snapshot", paramLabel = "FILE|LOCATION",
                description = "Restore from this snapshot file, or from a backup by its location from quorum backup "
                        + "list (HOST:/var/backups/quorum-etcd/FILE.db, or s3://BUCKET/PREFIX/MEMBER/FILE.db): "
                        + "pulled to the snapshot folder first, as quorum backup pull does.")
        String snapshot;

        @Option(names = "--from-survivor", paramLabel = "HOST",
                description = "No snapshot: stop etcd on this surviving member and restore from its database. "
                        + "May lose recent writes; asks you to type the host name.")
        String survivor;
    }

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "With --snapshot s3://...: the S3-compatible store's URL (path-style); AWS S3 itself without it.")
    String s3Endpoint;

    @Option(names = "--skip-hash-check", description = "Accept a snapshot without etcd's integrity hash (a raw copy of member/snap/db).")
    boolean skipHashCheck;

    @Option(names = "--keep-revisions", description = "Restore the snapshot's revisions as they are. By default "
            + "they are raised past the old cluster's (etcdutl --bump-revision 1000000000 --mark-compacted), so "
            + "kube-apiserver and every other watcher lists again instead of waiting for revisions it already saw; "
            + "keep them only for a cluster no client watches.")
    boolean keepRevisions;

    @Option(names = DATA_LOSS_FLAG, description = "With --from-survivor: do not ask; you accept that recent writes may be lost.")
    boolean acceptDataLoss;

    @Option(names = "--declare-lost", paramLabel = "MEMBER",
            description = "A voting member (name or host) whose host cannot be asked and is gone for good. "
                    + "Without it, a restore refuses while such members could still hold quorum. Repeat for each.")
    java.util.List<String> declaredLost = new java.util.ArrayList<>();

    @Option(names = "--roll-back-live-cluster", paramLabel = "CLUSTER-NAME",
            description = "Roll back a cluster whose members still have quorum, losing every write since the "
                    + "snapshot. Type the cluster's name to confirm; --yes never implies it.")
    String rollBackLiveCluster;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        Optional<BackupLocation> backup = source.snapshot == null ? Optional.empty() : backupLocation(source.snapshot);
        RestoreRequest request = source.snapshot == null ? RestoreRequest.fromSurvivor(source.survivor)
                : backup.isEmpty() ? snapshotRequest(out, Path.of(source.snapshot)) : null;
        try (ClusterSession session = cluster.openExisting()) {
            if (backup.isPresent()) {
                out.println("Pulling " + backup.get().text() + " to this workstation first (restore reads a local "
                        + "file; nothing on the hosts changes):");
                BackupPullExecution pull = new BackupPullExecution(session, out, cluster.inventory);
                Path file = pull.pull(pull.request(backup.get(), Optional.empty()), Optional.ofNullable(s3Endpoint));
                out.println();
                request = snapshotRequest(out, file);
            }
            request = request.declaringLost(java.util.Set.copyOf(declaredLost)).keepingRevisions(keepRevisions);
            if (rollBackLiveCluster != null) {
                String name = session.inventory().clusterName();
                if (!rollBackLiveCluster.equals(name)) {
                    throw new UserError("--roll-back-live-cluster " + rollBackLiveCluster + " does not name this "
                            + "cluster", "to roll back cluster " + name + " on purpose, type its name: "
                            + "--roll-back-live-cluster " + name);
                }
                request = request.rollingBackLiveCluster();
            }
            String members = session.inventory().etcdMembers().stream()
                    .map(m -> m.memberName() + " on " + m.hostName()).collect(Collectors.joining(", "));
            out.println("The restored cluster will be: " + members + " (the inventory's etcd group).");
            if (source.survivor != null) {
                warnSurvivor(out);
            }
            Plan plan = RestorePlan.build(session, request);
            PlanExecution execution = new PlanExecution(out, session.home());
            if (change.planOnly) {
                int exit = execution.preview(plan);
                if (apiservers.update) {
                    ApiserverExecution.describeAfterwards(session,
                            ApiserverPlans.forMembers(session.inventory().etcdMembers()), out);
                }
                return exit;
            }
            boolean confirmed = change.yes;
            if (source.survivor != null) {
                if (!acceptDataLoss && !TypedConfirmation.ask(out, "Restore from " + source.survivor + "'s data?",
                        source.survivor, DATA_LOSS_FLAG)) {
                    out.println("Nothing was changed.");
                    return ExitCodes.OK;
                }
                confirmed = true;
            }
            int exit = execution.apply(plan, confirmed);
            if (exit == ExitCodes.OK) {
                out.println();
                out.println("Restored. The cluster has new member IDs and a new cluster ID; clients reconnect by "
                        + "endpoint. Client endpoints now: " + session.inventory().etcdMembers().stream()
                        .map(EtcdMember::clientUrl).collect(Collectors.joining(",")));
                out.println("Old data dirs were kept as " + session.inventory().etcd().dataDir()
                        + ".before-restore-TIME on each host; remove them once you are sure.");
                if (apiservers.update) {
                    out.println();
                    out.println("Updating kube-apiserver on the control planes (--update-apiservers):");
                    return ApiserverExecution.run(session,
                            ApiserverPlans.forMembers(session.inventory().etcdMembers()), change, out);
                }
            }
            return exit;
        }
    }

    /**
     * A backup's location rather than a file: an s3:// URL or HOST:/PATH that is not a file here. A malformed one is
     * refused now, before anything is opened, with where the valid ones are listed.
     */
    private Optional<BackupLocation> backupLocation(String text) {
        if (!BackupLocation.looksLikeOne(text) || Files.exists(Path.of(text))) {
            return Optional.empty();
        }
        return Optional.of(BackupPullExecution.parse(text, cluster.inventory));
    }

    /** Checked here too so a damaged file is refused before any question; the plan checks it again first. */
    private RestoreRequest snapshotRequest(PrintWriter out, Path snapshot) throws Exception {
        SnapshotIntegrity integrity = SnapshotVerifier.verify(snapshot);
        switch (integrity.state()) {
            case MISSING -> throw new UserError("snapshot " + snapshot + " does not exist",
                    "give the path of a snapshot file (quorum snapshot list -i " + cluster.inventory + cluster.clusterArgument()
                            + " shows them) or a backup's location (quorum backup list -i " + cluster.inventory
                            + cluster.clusterArgument() + " shows them)");
            case DAMAGED -> throw new UserError("snapshot " + snapshot + " is damaged: " + integrity.detail(),
                    "nothing was stopped; use another snapshot (quorum snapshot list -i " + cluster.inventory
                            + cluster.clusterArgument() + ")");
            case NOT_A_SNAPSHOT -> throw new UserError(snapshot + ": " + integrity.detail(),
                    "give a file written by quorum snapshot save or etcdctl snapshot save");
            case RAW_DATABASE -> {
                if (!skipHashCheck) {
                    throw new UserError(snapshot + ": " + integrity.detail(),
                            "if it is a copy of a member's member/snap/db you trust, add --skip-hash-check");
                }
            }
            case INTACT -> { }
        }
        SnapshotStore.readMetadata(snapshot).ifPresentOrElse(info -> out.println("Snapshot: "
                        + info.takenAt() + ", revision " + info.revision() + info.knownKeyCount().map(k -> ", " + k + " keys")
                        .orElse("") + ". Every write after it is lost."),
                () -> out.println("Snapshot: " + snapshot + " (no metadata beside it). Every write after it is lost."));
        return RestoreRequest.fromSnapshot(snapshot, skipHashCheck);
    }

    private void warnSurvivor(PrintWriter out) {
        out.println();
        out.println("!!! RESTORE FROM A SURVIVOR: NO SNAPSHOT IS USED !!!");
        out.println("etcd on " + source.survivor + " is stopped and its database (member/snap/db) becomes the snapshot.");
        out.println("What may be lost: writes the cluster acknowledged that " + source.survivor + " had not applied "
                + "yet (it may trail the lost leader), and anything only the lost members held. Leases and keys "
                + "are restored as the survivor saw them.");
        out.println("A copy of the database is kept in the snapshot folder; the old data dirs are moved aside.");
        out.println();
    }
}
