package dev.quorum.core.lifecycle.recover;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What etcd's own log lines say about a member that does not work: the messages etcd 3.4 prints
 * when its data was lost or is corrupt, when it was removed, or when it met another cluster.
 */
final class LogSigns {
    private static final List<String> DATA_LOST = List.of("tocommit(", "raft log corrupted", "crc mismatch",
            "failed to recover v3 backend", "failed to find database snapshot", "database file size too small",
            "invalid database", "unexpected eof", "failed to open database");
    private static final List<String> REMOVED = List.of("has been permanently removed", "has already been removed",
            "because it was removed");
    private static final List<String> DISK_FULL = List.of("no space left on device");
    private static final List<String> OTHER_CLUSTER = List.of("cluster id mismatch", "request cluster id mismatch");

    private LogSigns() {
    }

    static Optional<String> dataLost(List<String> log) {
        return find(log, DATA_LOST);
    }

    static Optional<String> removed(List<String> log) {
        return find(log, REMOVED);
    }

    static Optional<String> diskFull(List<String> log) {
        return find(log, DISK_FULL);
    }

    static Optional<String> otherCluster(List<String> log) {
        return find(log, OTHER_CLUSTER);
    }

    /** The latest line that matches, shortened: the evidence shown beside the problem. */
    private static Optional<String> find(List<String> log, List<String> signs) {
        for (int i = log.size() - 1; i >= 0; i--) {
            String lower = log.get(i).toLowerCase(Locale.ROOT);
            if (signs.stream().anyMatch(lower::contains)) {
                String line = log.get(i).trim();
                return Optional.of(line.length() > 200 ? line.substring(0, 200) + "..." : line);
            }
        }
        return Optional.empty();
    }
}
