package dev.quorum.core.release;

import dev.quorum.core.threads.DaemonThreads;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Bytes handed from one thread to a reader on another, in chunks, with at most {@value #CHUNKS} chunks in between: the
 * writer waits while the reader is behind. Lets one pass over a tarball feed several readers at once (its sha256, its
 * unpacking, its binaries' sha256s) instead of reading it once per reader (issue 18, decision 0061).
 *
 * <p>The writer must call {@link #end()} when done, also after a failure, so the reader sees the end; the reader runs
 * through {@link #readAside}, which reads whatever its work left unread, so the writer never waits on a reader that
 * stopped early (a tar reader stops at the archive's end marker, a failed one at once).
 */
final class ChunkPipe extends InputStream {
    private static final int CHUNKS = 16;
    private static final byte[] END = new byte[0];
    /** A thread of its own per reader, so a reader never waits for (or holds up) a shared pool. */
    private static final Executor OWN_THREAD = DaemonThreads.ownThread("quorum-tarball-reader");

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** A reader of this pipe's bytes, on a thread of its own; it reads to the end whatever {@code work} does. */
    static <T> CompletableFuture<T> readAside(ChunkPipe pipe, IoFunction<InputStream, T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.apply(pipe);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            } finally {
                pipe.drain();
            }
        }, OWN_THREAD);
    }

    /** The work's result, or the IOException it failed with. */
    static <T> T await(CompletableFuture<T> reader) throws java.io.IOException {
        try {
            return reader.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Hands over a copy of {@code length} bytes of {@code buffer}. */
    void write(byte[] buffer, int length) throws InterruptedIOException {
        write(buffer, 0, length);
    }

    /** Hands over a copy of {@code length} bytes of {@code buffer} from {@code offset}. */
    void write(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (length > 0) {
            put(Arrays.copyOfRange(buffer, offset, offset + length));
        }
    }

    /** The writer's end: the reader reads to here and then sees the end of the stream. */
    void end() throws InterruptedIOException {
        put(END);
    }

    private void put(byte[] chunk) throws InterruptedIOException {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over a tarball's bytes");
        }
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a tarball's bytes");
            }
            position = 0;
            ended = current == END;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** Reads and drops what is left, up to the writer's end. */
    private void drain() {
        byte[] rest = new byte[1 << 16];
        try {
            while (read(rest, 0, rest.length) >= 0) {
                // dropped: the work has what it needed
            }
        } catch (InterruptedIOException e) {
            // interrupted: the writer is being abandoned too
        }
    }

    /** A function that may fail with an IOException. */
    @FunctionalInterface
    interface IoFunction<A, R> {
        R apply(A input) throws java.io.IOException;
    }
}
