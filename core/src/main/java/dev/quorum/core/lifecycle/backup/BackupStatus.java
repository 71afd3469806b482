package dev.quorum.core.lifecycle.backup;

/** How the scheduled backups of a host, or of the whole cluster, stand; later constants are worse. */
public enum BackupStatus {
    /** No timer: nothing is backed up on a schedule (not a problem by itself: backups are optional). */
    NOT_SCHEDULED,
    /** The newest verified backup is recent enough for the schedule. */
    FRESH,
    /** Scheduled, and the first run is not due yet. */
    PENDING,
    /** A host could not be asked: its backups are neither fine nor failed. */
    UNKNOWN,
    /** The newest verified backup is older than the schedule allows, or the timer does not run. */
    STALE,
    /** The service's last run failed. */
    FAILED;

    /** Stale or failed: a restore would lose more than the schedule promises, someone should act. */
    public boolean needsAttention() {
        return this == STALE || this == FAILED;
    }
}
