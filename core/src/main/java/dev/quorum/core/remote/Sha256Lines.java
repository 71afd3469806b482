package dev.quorum.core.remote;

import java.util.List;

/**
 * Shell words that print {@code sha256sum}'s lines ({@code HASH  PATH}) for files on a host: with OpenSSL where the host
 * has it (the CPU's SHA instructions, about a fifth of sha256sum's CPU time on etcd's 90 MB of binaries, issue 18),
 * else with {@code sha256sum}. A file that cannot be read has no line, as with sha256sum; the exit status is not
 * sha256sum's (OpenSSL's is lost in the pipe), so callers compare lines, never the status.
 */
public final class Sha256Lines {
    private Sha256Lines() {
    }

    /** For {@code paths}, each quoted here. */
    public static String of(List<String> paths) {
        String quoted = String.join(" ", paths.stream().map(Shell::quote).toList());
        return "{ if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r " + quoted
                + " | sed 's/ [*]/  /'; else sha256sum " + quoted + "; fi; }";
    }
}
