package dev.quorum.core.lifecycle.backup.pull;

import java.util.Optional;

/**
 * Decides a pull from what was observed, and nothing else: the backup as its host or store lists it, and the file at
 * the target. Fail closed: a copy is made only of a backup that is listed, verified and carries a sha256; a source
 * that could not be asked is unknown (only a copy pulled earlier from the same location, still intact, is accepted
 * then); a different file at the target is never overwritten.
 */
public final class PullPlanner {
    private PullPlanner() {
    }

    public static PullDecision decide(BackupLocation location, SourceReading source, LocalCopy target) {
        String where = location.text();
        if (source.unknown().isPresent()) {
            if (target.pulledIntactFrom(location)) {
                return PullDecision.alreadyHere(Optional.empty(), "already here: " + target.file() + " (pulled earlier, "
                        + "sha256 as recorded then; " + where + " could not be asked now: " + source.unknown().get() + ")");
            }
            return PullDecision.refuse("cannot tell whether " + where + " is a backup: " + source.unknown().get()
                    + "; nothing was copied", "make the host or store reachable and pull again, or pick a backup on "
                    + "another member's host (" + BackupLocationException.WHERE_LISTED + ")");
        }
        if (source.backup().isEmpty()) {
            return PullDecision.refuse(where + " is not a backup: the list there does not have it",
                    BackupLocationException.WHERE_LISTED);
        }
        ListedBackup backup = source.backup().get();
        if (!backup.verified() || backup.sha256().isEmpty()) {
            return PullDecision.refuse(where + " is not a verified backup (" + backup.problem().orElse("no sha256")
                    + "); nothing was copied", "pick a verified backup from quorum backup list -i INVENTORY");
        }
        if (!target.exists()) {
            return PullDecision.copy(backup, "copy " + where + " to " + target.file() + " (" + backup.size()
                    + " bytes, sha256 " + backup.sha256() + ")");
        }
        if (!target.sha256().equals(backup.sha256())) {
            return PullDecision.refuse(target.file() + " already exists and is not this backup (its sha256 "
                    + (target.sha256().isEmpty() ? "cannot be read" : target.sha256()) + ", the backup's "
                    + backup.sha256() + "); it was left as it is",
                    "move " + target.file() + " away, or pull into another folder with --to DIR");
        }
        if (!target.pulledIntactFrom(location)) {
            return PullDecision.record(backup, "already here: " + target.file() + " has the backup's sha256; "
                    + "its metadata is written beside it");
        }
        return PullDecision.alreadyHere(Optional.of(backup), "ok, already here: " + target.file() + " (sha256 "
                + backup.sha256() + ")");
    }
}
