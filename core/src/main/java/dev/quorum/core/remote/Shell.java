package dev.quorum.core.remote;

import java.util.List;
import java.util.stream.Collectors;

/** Builds POSIX shell command lines without letting arguments be re-interpreted. */
public final class Shell {

    private Shell() {
    }

    /**
     * Quotes one argument for {@code sh}: single quotes keep everything literal, and a single
     * quote itself is written as {@code '\''} (close, escaped quote, reopen), the only character
     * that cannot appear inside single quotes.
     */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            // sh cannot pass a NUL in an argument; refusing beats silently truncating.
            throw new IllegalArgumentException("shell argument contains a NUL character");
        }
        if (!argument.isEmpty() && argument.chars().allMatch(Shell::isSafe)) {
            return argument; // keeps logged commands readable
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** Joins arguments into one command line, each quoted. */
    public static String join(List<String> arguments) {
        return arguments.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_./=:,+@%".indexOf(c) >= 0;
    }
}
