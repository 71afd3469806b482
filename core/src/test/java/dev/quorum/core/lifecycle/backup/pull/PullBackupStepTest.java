package dev.quorum.core.lifecycle.backup.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull step over a source that hands out given bytes: copied checked, never over another file, re-run is ok. */
class PullBackupStepTest {
    static final BackupLocation LOCATION = BackupLocation.parse("etcd1:/var/backups/quorum-etcd/quorum-backup-etcd1-20261203T230000Z.db");

    @TempDir
    Path dir;

    /** Shaped as etcd writes a snapshot: a bbolt header, whole 512-byte blocks, then the sha256 of them. */
    static byte[] snapshot(int seed) {
        byte[] body = new byte[4096];
        Arrays.fill(body, (byte) seed);
        ByteBuffer.wrap(body, 16, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        byte[] hash = HexFormat.of().parseHex(Sha256.of(body));
        byte[] all = Arrays.copyOf(body, body.length + hash.length);
        System.arraycopy(hash, 0, all, body.length, hash.length);
        return all;
    }

    /** Lists {@code listedSha} for the backup and copies {@code bytes}. */
    static final class FakeSource implements BackupSource {
        final byte[] bytes;
        final String listedSha;
        final AtomicInteger copies = new AtomicInteger();
        SourceReading reading;

        FakeSource(byte[] bytes, String listedSha) {
            this.bytes = bytes;
            this.listedSha = listedSha;
            this.reading = SourceReading.found(new ListedBackup(LOCATION.text(), listedSha, bytes.length, 42,
                    Optional.of(Instant.parse("2026-12-03T23:00:00Z")), "etcd1", true, Optional.empty()));
        }

        @Override
        public SourceReading read() {
            return reading;
        }

        @Override
        public String copyTo(Path partial, ListedBackup backup) throws Exception {
            copies.incrementAndGet();
            Files.write(partial, bytes);
            return Sha256.of(partial);
        }

        @Override
        public String byHand(Path target) {
            return "scp etcd1:... " + target;
        }
    }

    RunResult pull(BackupSource source) {
        Plan plan = BackupPulls.plan("c", new PullRequest(LOCATION, dir), source);
        return new Runner(event -> { }, 1, new Cancellation()).run(plan, RunMode.APPLY);
    }

    Path target() {
        return dir.resolve(LOCATION.fileName());
    }

    @Test
    void aBackupIsCopiedCheckedAndGetsMetadataThenARerunChangesNothing() throws Exception {
        byte[] bytes = snapshot(1);
        FakeSource source = new FakeSource(bytes, Sha256.of(bytes));

        RunResult first = pull(source);

        assertThat(first.succeeded()).as(first.failures().toString()).isTrue();
        assertThat(first.summary().changed()).isEqualTo(1);
        assertThat(Files.readAllBytes(target())).isEqualTo(bytes);
        assertThat(dir.resolve(LOCATION.fileName() + ".partial")).doesNotExist();
        SnapshotInfo info = SnapshotStore.readMetadata(target()).orElseThrow();
        assertThat(info.sha256()).isEqualTo(Sha256.of(bytes));
        assertThat(info.revision()).isEqualTo(42);
        assertThat(info.takenAt()).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(info.reason()).isEqualTo("pulled from " + LOCATION.text());
        assertThat(SnapshotVerifier.verify(target()).state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        assertThat(new SnapshotStore(dir).list()).extracting(SnapshotInfo::file).containsExactly(target().toAbsolutePath());

        RunResult again = pull(source);
        assertThat(again.succeeded()).isTrue();
        assertThat(again.summary().nothingChanged()).isTrue();
        assertThat(source.copies).hasValue(1);
    }

    @Test
    void aDifferentFileAtTheTargetIsLeftAsItIs() throws Exception {
        byte[] bytes = snapshot(1);
        Files.write(target(), snapshot(2));

        RunResult result = pull(new FakeSource(bytes, Sha256.of(bytes)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures().get(0).message()).contains("already exists", "left as it is");
        assertThat(Files.readAllBytes(target())).isEqualTo(snapshot(2));
    }

    @Test
    void bytesThatAreNotTheListedSha256AreDiscarded() {
        byte[] bytes = snapshot(1);

        RunResult result = pull(new FakeSource(bytes, "ab".repeat(32)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures().get(0).message()).contains("the list says " + "ab".repeat(32), "discarded");
        assertThat(target()).doesNotExist();
        assertThat(dir.resolve(LOCATION.fileName() + ".partial")).doesNotExist();
    }

    @Test
    void aCopyThatFailsEtcdsIntegrityCheckIsDiscarded() {
        byte[] bytes = snapshot(1);
        bytes[100] ^= 1; // the listed sha256 matches these bytes: only etcd's own hash can tell

        RunResult result = pull(new FakeSource(bytes, Sha256.of(bytes)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures().get(0).message()).contains("integrity check", "discarded");
        assertThat(target()).doesNotExist();
    }

    @Test
    void aPreviewCopiesNothing() {
        byte[] bytes = snapshot(1);
        FakeSource source = new FakeSource(bytes, Sha256.of(bytes));
        Plan plan = BackupPulls.plan("c", new PullRequest(LOCATION, dir), source);

        RunResult preview = new Runner(event -> { }, 1, new Cancellation()).run(plan, RunMode.PREVIEW);

        assertThat(preview.succeeded()).isTrue();
        assertThat(preview.summary().pending()).isEqualTo(1);
        assertThat(source.copies).hasValue(0);
        assertThat(target()).doesNotExist();
    }

    @Test
    void whileTheHostIsDownOnlyAnEarlierIntactPullOfThatLocationIsAccepted() throws Exception {
        byte[] bytes = snapshot(1);
        FakeSource source = new FakeSource(bytes, Sha256.of(bytes));
        assertThat(pull(source).succeeded()).isTrue();
        source.reading = SourceReading.unknown("etcd1 cannot be reached over SSH");

        assertThat(pull(source).succeeded()).isTrue();

        Files.delete(target());
        RunResult refused = pull(source);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.failures().get(0).message()).contains("cannot tell", "cannot be reached");
    }
}
