package dev.quorum.core.lifecycle.members;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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
    private static final Pattern MSG = Pattern.compile("\"msg\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ERROR = Pattern.compile("\"error\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Go's own panic line, as journald prints it ("... etcd[90]: panic: failed to open database"). */
    private static final Pattern GO_PANIC = Pattern.compile("(^|: )panic: [^{]*$");
    private static final Pattern STRUCTURED = Pattern.compile("\"level\":\"(fatal|panic)\"");
    /** How many lines above Go's panic line zap's own line may be (journald may interleave a few). */
    private static final int STRUCTURED_REACH = 10;
    private static final int MAX_CHARS = 400;
    /** Causes that come from the network between the members, not from the host itself. */
    private static final Pattern PEERS = Pattern.compile(
            "cluster information|i/o timeout|connection refused|no route to host|:(" + ClusterLayout.MAIN.peerPort() + "|"
                    + ClusterLayout.EVENTS.peerPort() + ")\\b");

    private EtcdStartLog() {
    }

    /**
     * The last line of the journal that says why etcd stopped, shortened; empty if none does. Go's own
     * {@code panic: failed to open database} names no cause; zap's structured line just above it carries the error
     * (e.g. "no space left on device", as etcd 3.6 logs it), so that line is preferred.
     */
    static Optional<String> crashCause(String journal) {
        List<String> lines = journal.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (CRASH.matcher(line).find()) {
                String cause = GO_PANIC.matcher(line).find() ? structuredAbove(lines, i).orElse(line) : line;
                return Optional.of(cause.length() > MAX_CHARS ? cause.substring(0, MAX_CHARS) + "..." : cause);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> structuredAbove(List<String> lines, int panicLine) {
        for (int i = panicLine - 1; i >= Math.max(0, panicLine - STRUCTURED_REACH); i--) {
            String line = lines.get(i).strip();
            if (STRUCTURED.matcher(line).find()) {
                Matcher msg = MSG.matcher(line);
                Matcher error = ERROR.matcher(line);
                return Optional.of("panic: " + (msg.find() ? msg.group(1) : "") + (error.find() ? ": " + error.group(1) : ""));
            }
        }
        return Optional.empty();
    }

    /** What to do, given the cause: a full disk is freed, a crash read, a member that waits connected. */
    static String hint(Optional<String> cause, String host, String dataDir, ClusterLayout layout) {
        int peerPort = layout.peerPort();
        if (cause.isEmpty()) {
            return "etcd did not crash but did not finish starting: check that " + host
                    + " reaches the other members on port " + peerPort;
        }
        if (cause.get().contains("no space left on device")) {
            return "free room on the file system of " + dataDir + " on " + host + " (df -h " + dataDir + ")";
        }
        if (PEERS.matcher(cause.get()).find()) {
            return "etcd could not reach the other members: check that " + host + " reaches them on port " + peerPort;
        }
        return "etcd exits as it starts; the log line above says why (journalctl -u " + layout.unitName() + " on "
                + host + ")";
    }
}
