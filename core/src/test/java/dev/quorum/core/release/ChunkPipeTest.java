package dev.quorum.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChunkPipeTest {

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new Random(61).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code bytes} in pieces of {@code piece} bytes, then the end. */
    private static void writeAll(ChunkPipe pipe, byte[] bytes, int piece) throws IOException {
        byte[] buffer = new byte[piece];
        for (int offset = 0; offset < bytes.length; offset += piece) {
            int length = Math.min(piece, bytes.length - offset);
            System.arraycopy(bytes, offset, buffer, 0, length);
            pipe.write(buffer, length); // the pipe keeps a copy: the buffer is reused at once
        }
        pipe.end();
    }

    @Test
    void theReaderSeesEveryByteInOrderAndThenTheEnd() throws Exception {
        byte[] written = bytes(1_000_003);
        ChunkPipe pipe = new ChunkPipe();
        CompletableFuture<byte[]> read = ChunkPipe.readAside(pipe, in -> in.readAllBytes());

        writeAll(pipe, written, 7_919);

        assertThat(ChunkPipe.await(read)).isEqualTo(written);
    }

    @Test
    void aReaderThatStopsEarlyDoesNotHoldUpTheWriter() throws Exception {
        byte[] written = bytes(100 * 4_096); // 100 chunks: far more than the pipe holds while nobody reads
        ChunkPipe pipe = new ChunkPipe();
        CompletableFuture<Integer> first = ChunkPipe.readAside(pipe, in -> in.read());

        writeAll(pipe, written, 4_096); // returns only because what the reader left is read for it

        assertThat(ChunkPipe.await(first)).isEqualTo(written[0] & 0xff);
    }

    @Test
    void aReadersFailureComesBackAsItsIoExceptionAndTheWriterStillFinishes() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        CompletableFuture<Object> failing = ChunkPipe.readAside(pipe, in -> {
            throw new IOException("not a gzip stream");
        });

        writeAll(pipe, bytes(64 * 4_096), 4_096);

        assertThatThrownBy(() -> ChunkPipe.await(failing)).isInstanceOf(IOException.class)
                .hasMessage("not a gzip stream");
    }
}
