package dev.quorum.app.overview;

import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A card's backup line: the age of the cluster's newest verified backup, as {@code quorum status} judges the
 * backups, or why there is none. A host that could not be asked makes the line say so, never "no backups".
 */
final class BackupFreshnessWords {
    static final String NOT_KEPT = "backups: none kept for this cluster (the sandbox)";
    static final String NONE_YET = "backups: no backups yet";

    private BackupFreshnessWords() {
    }

    /** Empty: Quorum keeps no backups of this cluster (the sandbox). */
    static String words(Optional<BackupHealth> backups, Instant now) {
        if (backups.isEmpty()) {
            return NOT_KEPT;
        }
        BackupHealth health = backups.get();
        Optional<Instant> newest = health.newest().flatMap(BackupEntry::time);
        if (newest.isEmpty()) {
            return switch (health.status()) {
                case UNKNOWN -> "backups: unknown, a host could not be asked";
                case FAILED -> "backups: none yet, the last run failed";
                default -> NONE_YET;
            };
        }
        return "backups: newest verified " + age(Duration.between(newest.get(), now)) + suffix(health.status());
    }

    private static String suffix(BackupStatus status) {
        return switch (status) {
            case STALE -> ", stale";
            case FAILED -> ", the last run failed";
            case UNKNOWN -> ", a host could not be asked";
            case NOT_SCHEDULED -> ", not scheduled";
            case FRESH, PENDING -> "";
        };
    }

    /** "12 min ago", "5 h ago", "3 days ago"; a host clock ahead of ours reads "just now". */
    static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
