package dev.quorum.core.remote;

/**
 * Which of a remote command's streams a line came from. Not called {@code OutputStream} so it
 * does not clash with {@link java.io.OutputStream}, which the transfer code also uses.
 */
public enum OutputKind {
    STDOUT,
    STDERR
}
