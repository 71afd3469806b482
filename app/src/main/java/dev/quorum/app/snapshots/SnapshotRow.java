package dev.quorum.app.snapshots;

import dev.quorum.core.snapshot.SnapshotInfo;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One snapshot as the tab lists it: its metadata and what the last integrity check found.
 *
 * @param detail the verifier's sentence (why it is damaged, or what matched)
 */
public record SnapshotRow(SnapshotInfo info, Integrity integrity, String detail) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public Path file() {
        return info.file();
    }

    public String time(ZoneId zone) {
        return TIME.format(info.takenAt().atZone(zone));
    }

    public String size() {
        long bytes = info.sizeBytes();
        return bytes >= 1024L * 1024 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    public String revision() {
        return info.revision() > 0 ? Long.toString(info.revision()) : "-";
    }

    public String keys() {
        return info.knownKeyCount().map(String::valueOf).orElse("-");
    }

    public String members() {
        return info.members().isEmpty() ? "-" : String.join(", ", info.members());
    }

    /** The integrity column's words: for a damaged file, the reason too. */
    public String integrityText() {
        return integrity == Integrity.DAMAGED ? "damaged: " + detail : integrity.word();
    }

    SnapshotRow checked(Integrity now, String why) {
        return new SnapshotRow(info, now, why);
    }
}
