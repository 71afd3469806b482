package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.DataDirAside;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code etcdutl snapshot restore} ({@code etcdctl} on 3.4, see {@link dev.quorum.core.lifecycle.steps.OfflineTool})
 * with this member's name and peer URL, the full initial cluster
 * and the restore's token, the revisions raised past the old cluster's where every host's tool can (decision 0079), into a scratch dir that is renamed to the data dir only when complete
 * (with the marker inside): an interrupted restore leaves no half data dir for etcd to start on.
 * A symlinked data dir is restored into its target; a data dir that is a mount point gets the
 * scratch dir inside it, and its entries are moved in (see {@link DataDirAside}).
 */
final class RestoreDataStep extends RestoreHostStep {
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration STATUS_TIMEOUT = Duration.ofMinutes(5);

    RestoreDataStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Restore the snapshot into each member's data dir (" + restore.tool().name() + " snapshot restore)";
    }

    @Override
    public List<String> preview(String target) {
        String token = restore.snapshotKnown() ? tokenOrPlaceholder() : "<token>-restored-<time>";
        return List.of(command(session.member(target), "/var/tmp/quorum-restore-<sha256>.db", token,
                restore.dataDir() + ".restoring", restore.revisions.planned()), "mv " + restore.dataDir() + ".restoring " + restore.dataDir(),
                "# a mount point: restored into " + restore.dataDir() + "/" + DataDirAside.RESTORING
                        + ", then its member/ moved up");
    }

    private String tokenOrPlaceholder() {
        try {
            return restore.token();
        } catch (IllegalStateException notChosenYet) {
            return "<token>-restored-<time>";
        }
    }

    private String command(EtcdMember member, String snapshot, String token, String into, RevisionBump bump) {
        return restore.tool().invocation() + " snapshot restore " + Shell.quote(snapshot)
                + " --name " + Shell.quote(member.memberName())
                + " --initial-cluster " + Shell.quote(restore.initialCluster())
                + " --initial-cluster-token " + Shell.quote(token)
                + " --initial-advertise-peer-urls " + Shell.quote(member.peerUrl())
                + " --data-dir " + Shell.quote(into)
                + (restore.skipHashCheck() ? " --skip-hash-check" : "")
                + bump.flags();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<Check> done = alreadyRestored(context);
        return done.orElseGet(() -> Check.needed("the data dir does not hold this snapshot yet"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        EtcdMember member = member(context);
        String data = restore.dataDir();
        DataDirAside.Location where = DataDirAside.locate(remote, data);
        String scratch = where.scratch();
        RevisionBump bump = restore.revisions.decided();
        RestoreMarker marker = new RestoreMarker(restore.sha256(), restore.token(), member.memberName(),
                restore.initialCluster(), Instant.now().toString(), "", bump.amount());
        // The scratch dir is only ever this step's own unfinished output: safe to start it afresh.
        remote.run("rm -rf " + Shell.quote(scratch)).requireOk("clear " + scratch);
        CommandResult restored = remote.run(command(member, restore.remoteSnapshot(), restore.token(), scratch, bump)
                + " 2>&1", RESTORE_TIMEOUT);
        if (!restored.ok()) {
            throw new StepFailedException(restore.tool().name() + " snapshot restore failed on " + context.target() + ": "
                    + tail(restored.stdout()), "nothing was started; fix the cause and re-run (steps already done check ok and change nothing)");
        }
        if (bump.raises()) {
            // read after the restore: it stays the first call of the tool on each host (what a fault held at the
            // tool's start catches: HostFaultsRestoreLabTest)
            readSnapshotRevision(remote);
        }
        remote.write(marker.render().getBytes(StandardCharsets.UTF_8), RestoreMarker.path(scratch), "0600");
        String finish = where.mountPoint() ? intoMountPoint(where.real(), scratch) : renamed(where.real(), scratch);
        remote.run(finish).requireOk("put the restored data in place (" + data + " must hold no data)");
        context.info("restored as " + member.memberName() + " " + member.peerUrl()
                + (where.real().equals(data) ? "" : " into " + where.real())
                + (where.mountPoint() ? " (a mount point: restored inside it)" : "")
                + (bump.raises() ? ", revisions raised by " + bump.amount() : ", revisions as the snapshot has them"));
    }

    /**
     * The revision the snapshot was cut at, read by the restore tool from the uploaded file: the restored cluster's
     * first revision is that plus the bump, and the keys are counted there (VerifyKeysStep). Unread, they are only
     * reported.
     */
    private void readSnapshotRevision(RemoteHost remote) throws Exception {
        if (restore.revisions.snapshotRevision().isPresent()) {
            return;
        }
        CommandResult status = remote.run(restore.tool().invocation() + " snapshot status "
                + Shell.quote(restore.remoteSnapshot()) + " -w json 2>/dev/null", STATUS_TIMEOUT);
        if (status.ok()) {
            SnapshotStatus.revision(status.stdout()).ifPresent(restore.revisions::snapshotAt);
        }
    }

    /** The scratch dir becomes the data dir (the symlink's target, when it is one) by one rename. */
    private String renamed(String real, String scratch) {
        return String.join(" && ", "set -e",
                "if [ -d " + Shell.quote(real) + " ]; then rmdir " + Shell.quote(real) + "; fi",
                "mv " + Shell.quote(scratch) + " " + Shell.quote(real),
                "chmod 700 " + Shell.quote(real),
                "rm -f " + Shell.quote(restore.remoteSnapshot()));
    }

    /**
     * A mount point cannot be replaced, so the restored entries move into it, the marker last: a
     * run interrupted in between leaves data without a marker, which a re-run sets aside and
     * restores again, never a marker without data.
     */
    private String intoMountPoint(String real, String scratch) {
        String script = String.join("\n",
                "set -e; real=$1; scratch=$2; marker=$3; snapshot=$4",
                "if [ -n \"$(ls -A -- \"$real\" | " + DataDirAside.NOT_DATA_GREP + ")\" ]; then",
                "  echo \"$real still holds data\" >&2; exit 1; fi",
                "for e in \"$scratch\"/* \"$scratch\"/.[!.]* \"$scratch\"/..?*; do",
                "  [ -e \"$e\" ] || continue",
                "  [ \"${e##*/}\" = \"$marker\" ] || mv -- \"$e\" \"$real/\"",
                "done",
                "mv -- \"$scratch/$marker\" \"$real/$marker\"",
                "rmdir -- \"$scratch\"",
                "chmod 700 \"$real\"",
                "rm -f -- \"$snapshot\"");
        return Shell.join(List.of("sh", "-c", script, "quorum-restore-in-place", real, scratch, RestoreMarker.FILE,
                restore.remoteSnapshot()));
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }
}
