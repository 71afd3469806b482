package dev.quorum.app.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.cluster.ClusterUnavailableException;
import dev.quorum.core.snapshot.SnapshotInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Snapshots tab's logic over real files: order, integrity words, saving, errors with hints. */
class SnapshotsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void listsNewestFirstWithEachFilesIntegrity() throws Exception {
        FakeSnapshots.write(dir.resolve("a-old.db"), T0, "manual", 10, 3);
        FakeSnapshots.write(dir.resolve("c-new.db"), T0.plusSeconds(120), "before-add", 30, 5);
        Path damaged = FakeSnapshots.write(dir.resolve("b-mid.db"), T0.plusSeconds(60), "manual", 20, 4).file();
        FakeSnapshots.flipByte(damaged);
        Path raw = Files.write(dir.resolve("raw.db"), rawDatabase());
        Files.setLastModifiedTime(raw, java.nio.file.attribute.FileTime.from(T0.minusSeconds(3600)));

        SnapshotsViewModel model = new SnapshotsViewModel(new SynchronousTaskExecutor(), dir, () -> {
            throw new AssertionError("not saving");
        });
        model.reload();

        assertThat(model.rows()).extracting(r -> r.file().getFileName().toString())
                .containsExactly("c-new.db", "b-mid.db", "a-old.db", "raw.db");
        SnapshotRow newest = model.rows().get(0);
        assertThat(newest.integrity()).isEqualTo(Integrity.VERIFIED);
        assertThat(newest.integrityText()).isEqualTo("verified");
        assertThat(newest.time(ZoneOffset.UTC)).isEqualTo("2026-11-30 10:02:00");
        assertThat(newest.revision()).isEqualTo("30");
        assertThat(newest.keys()).isEqualTo("5");
        assertThat(newest.members()).isEqualTo("etcd1, etcd2, etcd3");
        assertThat(newest.size()).isEqualTo("2.0 KiB");
        SnapshotRow mid = model.rows().get(1);
        assertThat(mid.integrity()).isEqualTo(Integrity.DAMAGED);
        assertThat(mid.integrityText()).startsWith("damaged: sha256 ").contains("recorded when it was saved");
        SnapshotRow rawRow = model.rows().get(3);
        assertThat(rawRow.integrityText()).as("no metadata: its time is the file's").isEqualTo("raw database, no hash");
        assertThat(rawRow.info().reason()).isEqualTo("(no metadata)");
        assertThat(rawRow.keys()).isEqualTo("-");
    }

    @Test
    void snapshotNowShowsAndSelectsTheNewFile() throws Exception {
        AtomicInteger saves = new AtomicInteger();
        SnapshotsViewModel model = new SnapshotsViewModel(new SynchronousTaskExecutor(), dir, () -> {
            saves.incrementAndGet();
            return FakeSnapshots.write(dir.resolve("new.db"), Instant.now(), "manual (from etcd2)", 42, 7);
        });
        model.reload();
        assertThat(model.rows()).isEmpty();

        model.saveNow();

        assertThat(saves).hasValue(1);
        assertThat(model.savingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Saved new.db in ");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.selectedProperty().get().file().getFileName().toString()).isEqualTo("new.db");
        assertThat(model.selectedProperty().get().integrityText()).isEqualTo("verified");
    }

    @Test
    void aFailedSaveShowsItsHintAndEnablesTheButtonAgain() {
        SnapshotsViewModel model = new SnapshotsViewModel(new SynchronousTaskExecutor(), dir, () -> {
            throw new ClusterUnavailableException("cluster demo has no quorum", "wait for quorum to come back");
        });

        model.saveNow();

        assertThat(model.savingProperty().get()).isFalse();
        assertThat(model.errorProperty().get())
                .isEqualTo("Snapshot failed: cluster demo has no quorum - wait for quorum to come back");
        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void verifyFindsAFileDamagedSinceItWasListed() throws Exception {
        SnapshotInfo info = FakeSnapshots.write(dir.resolve("s.db"), T0, "manual", 10, 3);
        SnapshotsViewModel model = new SnapshotsViewModel(new SynchronousTaskExecutor(), dir, () -> null);
        model.reload();
        model.selectedProperty().set(model.rows().get(0));
        assertThat(model.rows().get(0).integrity()).isEqualTo(Integrity.VERIFIED);

        FakeSnapshots.flipByte(info.file());
        model.verifySelected();

        assertThat(model.rows().get(0).integrity()).isEqualTo(Integrity.DAMAGED);
        assertThat(model.selectedProperty().get().integrity()).isEqualTo(Integrity.DAMAGED);
        assertThat(model.statusProperty().get()).startsWith("s.db: damaged: ");
    }

    /** A bbolt header and a size that is no hash over whole blocks: what a copy of member/snap/db looks like. */
    private static byte[] rawDatabase() {
        byte[] db = new byte[4096];
        java.nio.ByteBuffer.wrap(db, 16, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        return db;
    }
}
