package dev.quorum.core.lifecycle.backup.pull;

import java.nio.file.Path;

/** Where a backup is pulled from: a member's host over SSH, or an off-site store. Both block. */
public interface BackupSource {

    /** The backup as its host or store lists it now (read-only). */
    SourceReading read();

    /** Writes the backup's bytes to {@code partial} (0600, created or truncated) and returns their sha256. */
    String copyTo(Path partial, ListedBackup backup) throws Exception;

    /** The same copy by hand, for {@code --plan} and the review page. */
    String byHand(Path target);
}
