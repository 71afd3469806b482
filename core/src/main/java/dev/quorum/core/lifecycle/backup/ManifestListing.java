package dev.quorum.core.lifecycle.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.remote.Shell;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SSH command per host prints every backup file of the schedule's directory with its size and its
 * manifest; this reads that output back. Only complete files count ({@code .partial} ones are not listed).
 */
public final class ManifestListing {
    static final String MARK = "@@quorum-backup ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestListing() {
    }

    /** The directory comes from the host's own env file, so a schedule with another dir is listed too. */
    public static String command() {
        return command(BackupUnits.MAIN);
    }

    /** As {@link #command()}, for one cluster's schedule: its env file and default folder. */
    public static String command(BackupUnits units) {
        return "d=" + Shell.quote(units.defaultDir()) + "; if [ -r " + units.envFile() + " ]; then "
                + "d=$(. " + units.envFile() + " >/dev/null 2>&1; printf %s \"${QUORUM_BACKUP_DIR:-$d}\"); fi; "
                + "echo \"@@dir $d\"; [ -d \"$d\" ] || exit 0; "
                + "for f in \"$d\"/quorum-backup-*.db; do [ -f \"$f\" ] || continue; "
                + "echo \"" + MARK + "$(wc -c <\"$f\" | tr -d ' ') $f\"; cat \"${f%.db}.json\" 2>/dev/null; echo; done";
    }

    public static List<BackupEntry> parse(String host, String output) {
        List<BackupEntry> entries = new ArrayList<>();
        String[] lines = output.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith(MARK)) {
                continue;
            }
            String[] sizeAndPath = lines[i].substring(MARK.length()).split(" ", 2);
            StringBuilder manifest = new StringBuilder();
            while (i + 1 < lines.length && !lines[i + 1].startsWith(MARK)) {
                manifest.append(lines[++i]).append('\n');
            }
            if (sizeAndPath.length == 2) {
                entries.add(entry(host, sizeAndPath[1], parseLong(sizeAndPath[0]), manifest.toString().strip()));
            }
        }
        return entries;
    }

    static BackupEntry entry(String host, String path, long fileSize, String manifest) {
        String location = host + ":" + path;
        if (manifest.isEmpty()) {
            return unverified(host, location, fileSize, "no manifest: the run that wrote it did not finish");
        }
        JsonNode node;
        try {
            node = JSON.readTree(manifest);
        } catch (Exception e) {
            return unverified(host, location, fileSize, "manifest unreadable (truncated?)");
        }
        if (node == null || !node.path("sha256").isTextual() || !node.path("revision").canConvertToLong()
                || !node.path("size").canConvertToLong()) {
            return unverified(host, location, fileSize, "manifest incomplete");
        }
        long size = node.path("size").asLong();
        Optional<Instant> time = time(node.path("time").asText(""));
        boolean checked = node.path("verified").asBoolean(false);
        Optional<String> problem = size != fileSize ? Optional.of("file is " + fileSize + " bytes, its manifest says " + size)
                : checked ? Optional.empty() : Optional.of("not verified when taken");
        return new BackupEntry(host, location, time, node.path("revision").asLong(), fileSize,
                node.path("sha256").asText(), problem.isEmpty(), problem);
    }

    private static BackupEntry unverified(String host, String location, long size, String problem) {
        return new BackupEntry(host, location, Optional.empty(), 0, size, "", false, Optional.of(problem));
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
