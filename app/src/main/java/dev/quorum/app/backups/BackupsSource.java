package dev.quorum.app.backups;

import dev.quorum.core.engine.RunResult;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.nio.file.Path;
import java.util.List;

/** Where the Backups tab reads from and runs on. Both block: background threads only. */
public interface BackupsSource {

    /** Every member host's schedule and backups, and their health. */
    BackupOverview read() throws Exception;

    /**
     * Every member's off-site copies, as {@code quorum backup list} lists them (one group per member's
     * {@code s3://BUCKET/PREFIX/MEMBER/}; a store that cannot be asked is a group with why); none without --copy-to.
     */
    default List<HostBackups> offsite() throws Exception {
        return List.of();
    }

    /** The scheduled job now on every member's host (quorum backup run), logged as every run is. */
    RunResult runNow() throws Exception;

    /**
     * Copies the backup at {@code location} into the cluster's snapshot folder as {@code quorum backup pull} does
     * (a copy already there is fine) and returns the file; a refusal or failure is thrown with what to do.
     */
    Path pull(String location) throws Exception;
}
