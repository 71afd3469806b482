package dev.quorum.app.backups;

import dev.quorum.core.engine.RunResult;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import java.nio.file.Path;

/** Where the Backups tab reads from and runs on. Both block: background threads only. */
public interface BackupsSource {

    /** Every member host's schedule and backups, and their health. */
    BackupOverview read() throws Exception;

    /** The scheduled job now on every member's host (quorum backup run), logged as every run is. */
    RunResult runNow() throws Exception;

    /**
     * Copies the backup at {@code location} into the cluster's snapshot folder as {@code quorum backup pull} does
     * (a copy already there is fine) and returns the file; a refusal or failure is thrown with what to do.
     */
    Path pull(String location) throws Exception;
}
