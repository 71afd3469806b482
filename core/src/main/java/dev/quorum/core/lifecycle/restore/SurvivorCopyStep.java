package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.DataDirAside;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.core.workspace.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The survivor path: no snapshot exists, so the database of one surviving member becomes the
 * snapshot. etcd is stopped there first, so the bbolt file is consistent; it is copied to the
 * workstation's snapshot folder (and stays there). It may lack writes the survivor had not
 * applied yet, and anything only the lost members had.
 */
final class SurvivorCopyStep extends HostStep {
    private final RestoreSession restore;

    SurvivorCopyStep(RestoreSession restore) {
        super(restore.life);
        this.restore = restore;
    }

    @Override
    public String title() {
        return "Stop " + restore.unit() + " on the survivor and copy its database to this workstation";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("ssh " + target + " systemctl stop " + restore.unit(),
                "scp " + target + ":" + restore.dataDir() + "/member/snap/db " + storeDir() + "/<time>-survivor-"
                        + target + ".db");
    }

    private Path storeDir() {
        return session.cluster().home().snapshots(session.cluster().inventory().clusterName());
    }

    @Override
    public Check check(StepContext context) {
        return restore.snapshotFile().filter(Files::isRegularFile)
                .map(file -> Check.done("copied to " + file))
                .orElseGet(() -> Check.needed("no copy of " + context.target() + "'s database yet"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        remote.run("systemctl stop " + Shell.quote(restore.unit()) + " 2>&1")
                .requireOk("stop " + restore.unit() + " on " + context.target());
        String db = findDatabase(remote);
        Path file = new SnapshotStore(storeDir()).newFile("survivor " + context.target());
        OwnerOnly.directories(file.getParent());
        long size = RemoteDownload.copy(remote, db, file);
        SnapshotIntegrity integrity = SnapshotVerifier.verify(file);
        if (integrity.state() != SnapshotIntegrity.State.RAW_DATABASE && integrity.state() != SnapshotIntegrity.State.INTACT) {
            throw new StepFailedException(context.target() + ":" + db + " is not a usable database: "
                    + integrity.detail(), "restore from a snapshot file instead, or from another survivor");
        }
        SnapshotInfo info = new SnapshotInfo(file.toAbsolutePath(), integrity.sha256(), size, 0, null,
                Instant.now(), "unknown", List.of(), "database of survivor " + context.target() + " (" + db + ")", true);
        SnapshotStore.writeMetadata(info);
        restore.useSnapshot(file);
        restore.verified(integrity, Optional.of(info));
        context.info("copied " + Sizes.of(size) + " from " + context.target() + ":" + db + " to " + file);
    }

    /**
     * The data dir's database, or (run again after the data dir was set aside) the newest one kept
     * aside: next to the data dir (its symlink's target), or inside it when it is a mount point.
     */
    private String findDatabase(RemoteHost remote) throws StepFailedException {
        String script = String.join("\n",
                "d=$1; r=$(readlink -f -- \"$d\" 2>/dev/null); [ -n \"$r\" ] || r=$d",
                "for c in \"$d\" $(ls -dt \"$d\".before-restore-* \"$r\".before-restore-* \"$d\"/"
                        + DataDirAside.ASIDE_PREFIX + "before-restore-* 2>/dev/null); do",
                "  if [ -f \"$c/member/snap/db\" ]; then echo \"$c/member/snap/db\"; break; fi",
                "done");
        script = Shell.join(List.of("sh", "-c", script, "quorum-find-db", restore.dataDir()));
        String found = remote.run(script).stdout().strip();
        if (found.isEmpty()) {
            throw new StepFailedException(remote.name() + " has no " + restore.dataDir() + "/member/snap/db",
                    "choose a survivor whose data dir is intact, or restore from a snapshot file");
        }
        return found;
    }
}
