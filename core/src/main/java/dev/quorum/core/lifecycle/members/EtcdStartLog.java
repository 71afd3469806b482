package dev.quorum.core.lifecycle.members;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads why etcd would not start from its journal. A crashing etcd ends its log with a Go stack
 * trace, so the last few lines say nothing; the cause is the panic or fatal line above it
 * (capnslog's "C |"/"F |" or zap's "level":"fatal"/"panic").
 */
final class EtcdStartLog {
    /** How far back the journal is read: a stack trace is some 30-60 lines. */
    static final int LINES = 150;
    private static final Pattern CRASH = Pattern.compile(
            "panic:|\"level\":\"(fatal|panic)\"| [CF] \\| |level=(fatal|panic)");
    private static final int MAX_CHARS = 400;
    /** Causes that come from the network between the members, not from the host itself. */
    private static final Pattern PEERS = Pattern.compile(
            "cluster information|i/o timeout|connection refused|no route to host|:2380");

    private EtcdStartLog() {
    }

    /** The last line of the journal that says why etcd stopped, shortened; empty if none does. */
    static Optional<String> crashCause(String journal) {
        List<String> lines = journal.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (CRASH.matcher(line).find()) {
                return Optional.of(line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) + "..." : line);
            }
        }
        return Optional.empty();
    }

    /** What to do, given the cause: a full disk is freed, a crash read, a member that waits connected. */
    static String hint(Optional<String> cause, String host, String dataDir) {
        if (cause.isEmpty()) {
            return "etcd did not crash but did not finish starting: check that " + host
                    + " reaches the other members on port 2380";
        }
        if (cause.get().contains("no space left on device")) {
            return "free room on the file system of " + dataDir + " on " + host + " (df -h " + dataDir + ")";
        }
        if (PEERS.matcher(cause.get()).find()) {
            return "etcd could not reach the other members: check that " + host + " reaches them on port 2380";
        }
        return "etcd exits as it starts; the log line above says why (journalctl -u etcd on " + host + ")";
    }
}
