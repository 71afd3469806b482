package dev.quorum.app.snapshots;

import dev.quorum.core.release.Sha256;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Snapshot files shaped as etcd writes them (a bbolt header, whole 512-byte blocks, the sha256 of
 * it all at the end) with their metadata beside them as {@link SnapshotStore} writes it. Not real
 * databases: the integrity check is all they need to pass.
 */
public final class FakeSnapshots {
    private FakeSnapshots() {
    }

    public static SnapshotInfo write(Path file, Instant takenAt, String reason, long revision, long keys) throws IOException {
        byte[] body = new byte[2048];
        Arrays.fill(body, (byte) revision);
        ByteBuffer.wrap(body, 16, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        byte[] hash = java.util.HexFormat.of().parseHex(Sha256.of(body));
        byte[] all = Arrays.copyOf(body, body.length + hash.length);
        System.arraycopy(hash, 0, all, body.length, hash.length);
        Files.createDirectories(file.getParent());
        Files.write(file, all);
        SnapshotInfo info = new SnapshotInfo(file.toAbsolutePath(), Sha256.of(file), all.length, revision, keys, takenAt,
                "3.4.23", List.of("etcd1", "etcd2", "etcd3"), reason, false);
        SnapshotStore.writeMetadata(info);
        return info;
    }

    /** Flips one byte in the middle, as a bad disk or copy would. */
    public static void flipByte(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0xFF);
        }
    }
}
