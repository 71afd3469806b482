package dev.quorum.core.remote;

/**
 * Receives a remote command's output line by line, as the command writes it.
 *
 * <p>Calls come from a reader thread, never concurrently for one command (stdout and stderr
 * readers take turns), so a listener needs no locking of its own. A listener must return
 * quickly: while it runs, that stream is not read and the remote side may block.
 */
@FunctionalInterface
public interface OutputListener {

    /** A listener that ignores everything. */
    OutputListener NONE = (stream, line) -> { };

    /** One line, without its line terminator. */
    void line(OutputKind stream, String line);
}
