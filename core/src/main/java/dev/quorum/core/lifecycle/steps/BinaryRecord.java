package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.release.ReleaseBinary;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What Quorum last verified of the binaries in {@code bin_dir} (decision 0052): per binary, the sha256 it checked
 * and the file's inode, size, mtime and ctime (nanoseconds) right then. A re-run that finds every binary with the
 * same inode, size and times as recorded, and the recorded sha256 the release's, knows the bytes are the ones it
 * hashed: any write, rename or chmod since changes the ctime, which no tool can set back. Anything else (no record,
 * another stat, another hash) falls back to hashing the binaries, as before.
 */
final class BinaryRecord {
    /** Quorum's own, root's, outside bin_dir: one file per host, shared by both clusters' binaries. */
    static final String PATH = "/var/lib/quorum/etcd-binaries";
    /** inode, size, mtime and ctime with nanoseconds, then the path: changes with any change of the file. */
    static final String STAT_FORMAT = "%i %s %y %z %n";

    private BinaryRecord() {
    }

    static String path(String binDir, ReleaseBinary binary) {
        return binDir + "/" + binary.name();
    }

    /** {@code stat} of every binary, one line each; a missing one prints nothing. */
    static String statCommand(String binDir, List<ReleaseBinary> binaries) {
        return "stat -c " + Shell.quote(STAT_FORMAT) + " " + binaries.stream()
                .map(b -> Shell.quote(path(binDir, b))).collect(Collectors.joining(" ")) + " 2>/dev/null";
    }

    /** Each binary's stat line by its path, from {@link #statCommand} output. */
    static Map<String, String> statLines(String binDir, List<ReleaseBinary> binaries, String out) {
        Map<String, String> lines = new java.util.HashMap<>();
        for (ReleaseBinary binary : binaries) {
            String path = path(binDir, binary);
            out.lines().filter(line -> line.endsWith(" " + path)).findFirst().ifPresent(l -> lines.put(path, l));
        }
        return lines;
    }

    /** The record's text for binaries verified with these stat lines. */
    static String render(String binDir, List<ReleaseBinary> binaries, Map<String, String> stat) {
        return binaries.stream().map(b -> b.sha256() + " " + stat.get(path(binDir, b)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Whether the record vouches for every binary as the release's: each one's current stat line recorded with
     * the release's sha256. Empty stat (a binary missing) or no record never does.
     */
    static boolean vouches(String binDir, List<ReleaseBinary> binaries, Map<String, String> stat,
                           Optional<String> record) {
        if (record.isEmpty()) {
            return false;
        }
        List<String> recorded = record.get().lines().toList();
        return binaries.stream().allMatch(b -> stat.containsKey(path(binDir, b))
                && recorded.contains(b.sha256() + " " + stat.get(path(binDir, b))));
    }
}
