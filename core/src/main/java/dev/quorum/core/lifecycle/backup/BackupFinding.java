package dev.quorum.core.lifecycle.backup;

/** Why a host's backups have the status they have; the front ends word each one. */
public enum BackupFinding {
    /** The schedule or the backups could not be read over SSH. */
    UNREADABLE(BackupStatus.UNKNOWN),
    /** No backup timer on the host. */
    NOT_SCHEDULED(BackupStatus.NOT_SCHEDULED),
    /** The last run of the service ended with a failure. */
    LAST_RUN_FAILED(BackupStatus.FAILED),
    /** The timer is installed but not active: no run will come. */
    TIMER_STOPPED(BackupStatus.STALE),
    /** The newest verified backup is older than the schedule allows. */
    TOO_OLD(BackupStatus.STALE),
    /** Scheduled long enough ago that a verified backup should exist, and there is none. */
    NONE_VERIFIED(BackupStatus.STALE),
    /** Scheduled recently; the first run is not due yet. */
    FIRST_RUN_DUE(BackupStatus.PENDING),
    /** A verified backup within the allowed age. */
    RECENT(BackupStatus.FRESH);

    private final BackupStatus status;

    BackupFinding(BackupStatus status) {
        this.status = status;
    }

    public BackupStatus status() {
        return status;
    }
}
