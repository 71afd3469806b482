package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies one backup to this workstation. Check: ask the source and look at the target, {@link PullPlanner} decides.
 * Apply: the bytes go to {@code FILE.partial}, whose sha256 must be the listed one and whose etcd integrity hash must
 * match (the check {@code snapshot restore} makes), and only then get the final name, never over an existing file.
 * Verify: the file at the target is intact and is the backup's.
 */
final class PullBackupStep implements Step {
    private final BackupLocation location;
    private final BackupSource source;
    private final Path target;
    private volatile PullDecision decided;

    PullBackupStep(BackupLocation location, BackupSource source, Path target) {
        this.location = location;
        this.source = source;
        this.target = target;
    }

    @Override
    public String title() {
        return "Pull " + location.text() + " to this workstation";
    }

    @Override
    public List<String> preview(String target) {
        return List.of(source.byHand(this.target) + "   # not over an existing file",
                "sha256sum " + this.target + "   # must be the sha256 that quorum backup list shows",
                "quorum snapshot verify " + this.target);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        PullDecision decision = PullPlanner.decide(location, source.read(), LocalCopy.read(target));
        decided = decision;
        return switch (decision.kind()) {
            case REFUSE -> throw new StepFailedException(decision.reason(), decision.hint());
            case ALREADY_HERE -> Check.done(decision.reason());
            case COPY, RECORD -> Check.needed(decision.reason());
        };
    }

    @Override
    public void apply(StepContext context) throws Exception {
        PullDecision decision = decided;
        ListedBackup backup = decision.backup().orElseThrow();
        if (decision.kind() == PullDecision.Kind.RECORD) {
            PulledMetadata.write(target, backup, backup.sha256(), Files.size(target));
            return;
        }
        OwnerOnly.directories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            String sha = source.copyTo(partial, backup);
            if (!sha.equals(backup.sha256())) {
                throw new StepFailedException("the copy of " + location.text() + " has sha256 " + sha + ", the list says "
                        + backup.sha256() + "; the copy was discarded", "pull again; if it differs again, the file "
                        + "changed where it is kept: pick another backup from quorum backup list -i INVENTORY");
            }
            SnapshotIntegrity integrity = SnapshotVerifier.verify(partial);
            if (integrity.state() != SnapshotIntegrity.State.INTACT) {
                throw new StepFailedException("the copy of " + location.text() + " fails etcd's integrity check: "
                        + integrity.detail() + "; the copy was discarded", "pick another backup from quorum backup list "
                        + "-i INVENTORY");
            }
            place(partial);
        } finally {
            Files.deleteIfExists(partial);
        }
        PulledMetadata.write(target, backup, backup.sha256(), Files.size(target));
        context.info(location.text() + " -> " + target + " (" + Files.size(target) + " bytes, sha256 " + backup.sha256()
                + ", etcd integrity hash intact)");
    }

    /** A hard link is created only where no file is: a file that appeared meanwhile is not replaced. */
    private void place(Path partial) throws IOException, StepFailedException {
        try {
            Files.createLink(target, partial);
        } catch (FileAlreadyExistsException e) {
            throw new StepFailedException(target + " appeared while the backup was copied; it was left as it is",
                    "look at it, move it away if it is not needed, and pull again");
        } catch (UnsupportedOperationException | IOException noLinks) {
            Files.move(partial, target); // without REPLACE_EXISTING: fails if a file is there
        }
    }

    @Override
    public void verify(StepContext context) throws Exception {
        ListedBackup backup = decided.backup().orElseThrow();
        SnapshotIntegrity integrity = SnapshotVerifier.verify(target);
        if (integrity.state() != SnapshotIntegrity.State.INTACT || !integrity.sha256().equals(backup.sha256())) {
            throw new StepFailedException(target + " is not the intact backup after the pull: " + integrity.detail(),
                    "move it away and pull again");
        }
    }
}
