package dev.quorum.core.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a snapshot file the way {@code etcdutl snapshot restore} does (3.5+; {@code etcdctl snapshot restore}
 * on 3.4, {@code clientv3/snapshot/v3_snapshot.go}, the same check): a file written by {@code snapshot save}, of
 * any etcd from 3.4 to 3.7, is a bbolt
 * database, a whole number of 512-byte blocks, followed by the 32-byte sha256 of everything
 * before it. So a size that leaves 32 over a multiple of 512 carries the hash, and it must match.
 * Done on the workstation before anything on a host is touched.
 */
public final class SnapshotVerifier {
    static final int HASH_SIZE = 32;
    private static final int BLOCK = 512;
    /** bbolt's meta page: a 16-byte page header, then the magic number, little-endian. */
    private static final int BOLT_MAGIC_OFFSET = 16;
    private static final int BOLT_MAGIC = 0xED0CDAED;

    private SnapshotVerifier() {
    }

    public static boolean hasTrailingHash(long size) {
        return size > HASH_SIZE && size % BLOCK == HASH_SIZE;
    }

    public static SnapshotIntegrity verify(Path file) throws IOException {
        Optional<String> recorded = SnapshotStore.readMetadata(file).map(SnapshotInfo::sha256);
        if (!Files.isRegularFile(file)) {
            return new SnapshotIntegrity(SnapshotIntegrity.State.MISSING, 0, "", recorded, file + " does not exist");
        }
        long size = Files.size(file);
        boolean hashed = hasTrailingHash(size);
        MessageDigest whole = sha256();
        MessageDigest body = sha256();
        byte[] trailer = new byte[HASH_SIZE];
        byte[] head = new byte[BOLT_MAGIC_OFFSET + 4];
        long bodySize = hashed ? size - HASH_SIZE : size;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            long position = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                whole.update(buffer, 0, read);
                int inBody = (int) Math.max(0, Math.min(read, bodySize - position));
                body.update(buffer, 0, inBody);
                copyRange(buffer, read, position, 0, head);
                if (hashed) {
                    copyRange(buffer, read, position, bodySize, trailer);
                }
                position += read;
            }
        }
        String sha = HexFormat.of().formatHex(whole.digest());
        if (recorded.isPresent() && !recorded.get().equals(sha)) {
            return new SnapshotIntegrity(SnapshotIntegrity.State.DAMAGED, size, sha, recorded,
                    "sha256 " + sha + " differs from " + recorded.get() + " recorded when it was saved");
        }
        if (!isBolt(head, size)) {
            return new SnapshotIntegrity(SnapshotIntegrity.State.NOT_A_SNAPSHOT, size, sha, recorded,
                    "not an etcd snapshot: no bbolt database header");
        }
        if (!hashed) {
            return new SnapshotIntegrity(SnapshotIntegrity.State.RAW_DATABASE, size, sha, recorded,
                    "no integrity hash: a raw copy of a member's database (size " + size + " is not 32 over a multiple "
                            + "of 512); etcd restores it only with --skip-hash-check");
        }
        byte[] computed = body.digest();
        if (!Arrays.equals(computed, trailer)) {
            return new SnapshotIntegrity(SnapshotIntegrity.State.DAMAGED, size, sha, recorded,
                    "integrity hash mismatch: the file says " + HexFormat.of().formatHex(trailer) + ", its content is "
                            + HexFormat.of().formatHex(computed));
        }
        return new SnapshotIntegrity(SnapshotIntegrity.State.INTACT, size, sha, recorded,
                "integrity hash matches" + (recorded.isPresent() ? ", and the sha256 recorded at save time" : ""));
    }

    /** Copies the part of {@code buffer} (which starts at {@code position} in the file) that falls in {@code target}. */
    private static void copyRange(byte[] buffer, int read, long position, long targetStart, byte[] target) {
        long from = Math.max(position, targetStart);
        long to = Math.min(position + read, targetStart + target.length);
        if (from < to) {
            System.arraycopy(buffer, (int) (from - position), target, (int) (from - targetStart), (int) (to - from));
        }
    }

    private static boolean isBolt(byte[] head, long size) {
        return size >= head.length
                && ByteBuffer.wrap(head, BOLT_MAGIC_OFFSET, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == BOLT_MAGIC;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
