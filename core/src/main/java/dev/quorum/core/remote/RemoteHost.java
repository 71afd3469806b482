package dev.quorum.core.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One Linux host Quorum works on. Commands run with {@code sh -c} semantics and as root: when
 * the login user is not root, every command, write and read goes through {@code sudo -n}.
 *
 * <p>Every method throws {@link RemoteException} when the host cannot be used; a command that
 * runs and fails is not an exception but a {@link CommandResult} (see {@link CommandResult#requireOk}).
 * Safe to use from several threads: each call uses its own SSH channel.
 */
public interface RemoteHost extends AutoCloseable {

    /** The inventory name of the host, for messages. */
    String name();

    /** Runs {@code command} with the default command timeout. */
    default CommandResult run(String command) {
        return run(command, OutputListener.NONE);
    }

    /** Runs {@code command}, killing it after {@code timeout} ({@link CommandTimeoutException}). */
    default CommandResult run(String command, Duration timeout) {
        return run(command, OutputListener.NONE, timeout);
    }

    /** Runs {@code command}, passing each output line to {@code listener} as it is written. */
    CommandResult run(String command, OutputListener listener);

    /** Streams like {@link #run(String, OutputListener)} and kills the command after {@code timeout}. */
    CommandResult run(String command, OutputListener listener, Duration timeout);

    /**
     * Copies a local file to {@code remotePath} atomically: readers see the old file or the whole
     * new one, never a part. Missing parent directories are created.
     *
     * @param mode octal permission bits such as {@code "0640"}
     */
    void upload(Path localFile, String remotePath, String mode);

    /**
     * Like {@link #upload} for a scratch file that is checked and removed right after (a release tarball in /tmp):
     * it is not synced to disk before the rename, which on a real disk costs more than the copy (issue 18). A crash
     * can leave it short, which the caller's check finds.
     */
    default void uploadScratch(Path localFile, String remotePath, String mode) {
        upload(localFile, remotePath, mode);
    }

    /**
     * Runs {@code command} with the content of {@code localFile} as its stdin, sent as the command reads it: for a
     * command that unpacks and checks the bytes as they arrive, so they are neither written to the host first nor
     * read there twice (issue 18). The default command timeout applies.
     */
    default CommandResult runFeeding(String command, Path localFile) {
        throw new UnsupportedOperationException(name() + " cannot feed a local file to a command");
    }

    /** Like {@link #upload} for content held in memory. */
    void write(byte[] content, String remotePath, String mode);

    /** The content of a remote file, or empty if it does not exist. */
    Optional<byte[]> read(String remotePath);

    /**
     * {@code mebibytes} MiB of a remote file from MiB {@code firstMebibyte} on (fewer at its end,
     * none past it), or empty if it does not exist. For files too large to hold in memory at once:
     * the bytes come over the SSH channel, so no copy is left on the host, not even briefly.
     */
    Optional<byte[]> readMebibytes(String remotePath, long firstMebibyte, int mebibytes, Duration timeout);

    /** Closes the SSH connection; never throws. */
    @Override
    void close();
}
