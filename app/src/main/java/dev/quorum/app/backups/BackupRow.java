package dev.quorum.app.backups;

import dev.quorum.core.lifecycle.backup.BackupEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One backup as the table shows it: every text ready, so the view only binds. */
public record BackupRow(BackupEntry entry, String time, String host, String revision, String size, String verified,
                        String location) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public static BackupRow of(BackupEntry b, ZoneId zone) {
        return new BackupRow(b, b.time().map(t -> time(t, zone)).orElse("-"), b.host(),
                b.revision() > 0 ? Long.toString(b.revision()) : "-", size(b.size()),
                b.verified() ? "verified" : "NOT verified: " + b.problem().orElse("?"), b.location());
    }

    /** An off-site copy ({@code s3://...}), not a file on a member's host. */
    public boolean offsite() {
        return entry.location().startsWith("s3://");
    }

    static String time(java.time.Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
