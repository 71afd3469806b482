package dev.quorum.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity check of etcdctl snapshot restore, on files shaped like etcd's (real ones are in the lab tests). */
class SnapshotVerifierTest {
    @TempDir
    Path dir;

    /** A bbolt-like database: 16 pages of 512 bytes, bbolt's magic in the first meta page. */
    private static byte[] database() {
        byte[] db = new byte[16 * 512];
        new Random(7).nextBytes(db);
        ByteBuffer.wrap(db, 16, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        return db;
    }

    private static byte[] withHash(byte[] db) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(db);
        byte[] file = new byte[db.length + hash.length];
        System.arraycopy(db, 0, file, 0, db.length);
        System.arraycopy(hash, 0, file, db.length, hash.length);
        return file;
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aSavedSnapshotWithItsTrailingHashIsIntact() throws Exception {
        Path file = write("ok.db", withHash(database()));

        SnapshotIntegrity integrity = SnapshotVerifier.verify(file);

        assertThat(integrity.state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        assertThat(integrity.sha256()).isEqualTo(Sha256.of(file));
        assertThat(integrity.usable(false)).isTrue();
    }

    @Test
    void oneFlippedByteIsDetected() throws Exception {
        byte[] content = withHash(database());
        content[3000] ^= 0x01;
        Path file = write("flipped.db", content);

        SnapshotIntegrity integrity = SnapshotVerifier.verify(file);

        assertThat(integrity.state()).isEqualTo(SnapshotIntegrity.State.DAMAGED);
        assertThat(integrity.detail()).contains("integrity hash mismatch");
        assertThat(integrity.usable(true)).isFalse();
    }

    @Test
    void aRawDatabaseCopyHasNoHashAndNeedsSkipHashCheck() throws Exception {
        Path file = write("raw.db", database());

        SnapshotIntegrity integrity = SnapshotVerifier.verify(file);

        assertThat(integrity.state()).isEqualTo(SnapshotIntegrity.State.RAW_DATABASE);
        assertThat(integrity.usable(false)).isFalse();
        assertThat(integrity.usable(true)).isTrue();
    }

    @Test
    void aTruncatedSnapshotLosesItsHashShapeAndIsNotTakenForARawCopyWhenMetadataSaysOtherwise() throws Exception {
        byte[] content = withHash(database());
        Path file = write("cut.db", java.util.Arrays.copyOf(content, content.length - 100));
        SnapshotStore.writeMetadata(new SnapshotInfo(file, Sha256.of(content), content.length, 5, 3L, Instant.now(),
                "3.4.23", List.of("etcd1"), "test", false));

        SnapshotIntegrity integrity = SnapshotVerifier.verify(file);

        assertThat(integrity.state()).isEqualTo(SnapshotIntegrity.State.DAMAGED);
        assertThat(integrity.detail()).contains("recorded when it was saved");
    }

    @Test
    void anythingElseIsNotASnapshot() throws Exception {
        SnapshotIntegrity text = SnapshotVerifier.verify(write("notes.db", "hello".repeat(200).getBytes()));
        SnapshotIntegrity missing = SnapshotVerifier.verify(dir.resolve("absent.db"));

        assertThat(text.state()).isEqualTo(SnapshotIntegrity.State.NOT_A_SNAPSHOT);
        assertThat(missing.state()).isEqualTo(SnapshotIntegrity.State.MISSING);
    }

    @Test
    void metadataRoundTripsAndListsNewestFirst() throws Exception {
        Path older = write("20260101-000000-a.db", withHash(database()));
        Path newer = write("20260102-000000-b.db", withHash(database()));
        SnapshotStore.writeMetadata(new SnapshotInfo(older, Sha256.of(older), Files.size(older), 10, 4L,
                Instant.parse("2026-01-01T00:00:00Z"), "3.4.23", List.of("etcd1"), "a", false));
        SnapshotStore.writeMetadata(new SnapshotInfo(newer, Sha256.of(newer), Files.size(newer), 20, null,
                Instant.parse("2026-01-02T00:00:00Z"), "3.4.23", List.of("etcd1", "etcd2"), "b", false));

        List<SnapshotInfo> listed = new SnapshotStore(dir).list();

        assertThat(listed).extracting(SnapshotInfo::reason).containsExactly("b", "a");
        assertThat(listed.get(1).knownKeyCount()).contains(4L);
        assertThat(listed.get(0).knownKeyCount()).isEmpty();
        assertThat(listed.get(0).file()).isEqualTo(newer.toAbsolutePath());
        assertThat(HexFormat.of().parseHex(listed.get(0).sha256())).hasSize(32);
    }
}
