package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * First of all, on the workstation: the snapshot must be intact (etcd's own integrity hash, and
 * the sha256 recorded at save time). A damaged file is refused before any etcd is stopped.
 */
final class SnapshotGuardStep extends ClusterStep {
    private final RestoreSession restore;

    SnapshotGuardStep(RestoreSession restore) {
        super(restore.life);
        this.restore = restore;
    }

    @Override
    public String title() {
        return restore.request.survivor().isPresent() ? "Verify the survivor's database copy"
                : "Verify the snapshot's integrity hash (before anything is stopped)";
    }

    @Override
    public List<String> preview(String target) {
        String file = restore.snapshotFile().map(Path::toString).orElse("<the survivor's database>");
        return List.of("quorum snapshot verify " + file + "   # the same check as "
                + restore.tool().name() + " snapshot restore");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<Path> file = restore.snapshotFile();
        if (file.isEmpty()) {
            return Check.done("verified once the survivor's database is copied");
        }
        SnapshotIntegrity integrity = SnapshotVerifier.verify(file.get());
        if (!integrity.usable(restore.skipHashCheck())) {
            throw refusal(file.get(), integrity);
        }
        Optional<SnapshotInfo> info = SnapshotStore.readMetadata(file.get());
        restore.verified(integrity, info);
        if (integrity.state() == SnapshotIntegrity.State.RAW_DATABASE) {
            context.warn(file.get() + " has no integrity hash (a raw database copy): restoring with --skip-hash-check");
        }
        return Check.done(describe(integrity, info));
    }

    private static StepFailedException refusal(Path file, SnapshotIntegrity integrity) {
        return switch (integrity.state()) {
            case MISSING -> new StepFailedException("snapshot " + file + " does not exist",
                    "give the path of a snapshot file (quorum snapshot list -i INVENTORY shows the saved ones)");
            case RAW_DATABASE -> new StepFailedException(file + ": " + integrity.detail(),
                    "if this file is a copy of a member's member/snap/db that you trust, run again with "
                            + "--skip-hash-check; nothing was stopped");
            case DAMAGED -> new StepFailedException("snapshot " + file + " is damaged: " + integrity.detail(),
                    "nothing was stopped; use another snapshot (quorum snapshot list -i INVENTORY) or copy this one "
                            + "again from where it was kept");
            case NOT_A_SNAPSHOT, INTACT -> new StepFailedException(file + ": " + integrity.detail(),
                    "give a file written by quorum snapshot save or etcdctl snapshot save; nothing was stopped");
        };
    }

    private static String describe(SnapshotIntegrity integrity, Optional<SnapshotInfo> info) {
        String size = Sizes.of(integrity.sizeBytes());
        String about = info.map(i -> i.rawCopy() ? ", " + i.reason() : ", taken " + i.takenAt() + " at revision "
                + i.revision() + i.knownKeyCount().map(k -> " with " + k + " keys").orElse(""))
                .orElse(", no metadata beside it");
        return integrity.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + size
                + ", sha256 " + integrity.sha256().substring(0, 12) + about;
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("only checks");
    }
}
