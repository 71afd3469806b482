package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code quorum backup schedule} installs: a snapshot of each member every {@code every}, the newest
 * {@code keep} kept in {@code dir} on its host, and optionally a copy off-site.
 */
public record BackupSchedule(Duration every, int keep, String dir, Optional<OffsiteCopy> offsite) {
    /**
     * Under Kubespray's etcd_backup_prefix (/var/backups) but not named etcd-*: Kubespray's backup_cleanup
     * handler deletes the oldest /var/backups/etcd-* directories beyond etcd_backup_retention_count, and this
     * directory must never be one of them.
     */
    public static final String DEFAULT_DIR = "/var/backups/quorum-etcd";
    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final int MOST_KEPT = 1000;

    public BackupSchedule {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(offsite, "offsite");
        if (every.compareTo(SHORTEST) < 0) {
            throw new BackupException("--every is " + Durations.words(every) + ": a snapshot more often than once "
                    + "a minute costs the members more than it saves", "give 1m or more, e.g. --every 30m");
        }
        if (keep < 1 || keep > MOST_KEPT) {
            throw new BackupException("--keep is " + keep, "keep between 1 and " + MOST_KEPT + " backups per host");
        }
        if (dir == null || !dir.startsWith("/") || dir.equals("/") || dir.contains("'") || dir.contains("\n")) {
            throw new BackupException("backup directory '" + dir + "'", "give an absolute directory, e.g. " + DEFAULT_DIR);
        }
    }

    public static BackupSchedule of(Duration every, int keep) {
        return new BackupSchedule(every, keep, DEFAULT_DIR, Optional.empty());
    }

    /** The same schedule keeping its backups in {@code folder} (the events cluster's own, decision 0043). */
    public BackupSchedule inDir(String folder) {
        return new BackupSchedule(every, keep, folder, offsite);
    }

    public BackupSchedule withOffsite(OffsiteCopy copy) {
        return new BackupSchedule(every, keep, dir, Optional.of(copy));
    }
}
