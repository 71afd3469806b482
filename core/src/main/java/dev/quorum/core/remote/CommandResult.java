package dev.quorum.core.remote;

import java.util.Objects;

/** How a remote command ended: its exit status and everything it wrote. */
public record CommandResult(int exitStatus, String stdout, String stderr) {

    /** How much of stderr an error message quotes: enough for the cause, not a whole log. */
    private static final int TAIL_LINES = 10;
    private static final int TAIL_CHARS = 2000;

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean ok() {
        return exitStatus == 0;
    }

    /**
     * Returns this result if the command succeeded, else throws a {@link RemoteException}
     * naming {@code what} was attempted, the exit status and the end of stderr.
     */
    public CommandResult requireOk(String what) {
        if (ok()) {
            return this;
        }
        String tail = stderrTail();
        String message = what + " failed with exit status " + exitStatus
                + (tail.isEmpty() ? " and no error output" : ": " + tail);
        throw new RemoteException(message,
                "Fix the cause reported above on the host, then re-run.");
    }

    /** The last lines of stderr, trimmed; what a person needs to see why a command failed. */
    public String stderrTail() {
        String[] lines = stderr.strip().split("\n");
        int from = Math.max(0, lines.length - TAIL_LINES);
        String tail = String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
        return tail.length() <= TAIL_CHARS ? tail : "..." + tail.substring(tail.length() - TAIL_CHARS);
    }
}
