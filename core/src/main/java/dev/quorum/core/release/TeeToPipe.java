package dev.quorum.core.release;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that hands a copy of every byte read through it to a {@link ChunkPipe}. */
final class TeeToPipe extends FilterInputStream {
    private final ChunkPipe copy;

    TeeToPipe(InputStream in, ChunkPipe copy) {
        super(in);
        this.copy = copy;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            copy.write(new byte[] {(byte) b}, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            copy.write(buffer, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 1 << 16)];
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
