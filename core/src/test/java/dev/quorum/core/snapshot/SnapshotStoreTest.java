package dev.quorum.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.KeyCount;
import dev.quorum.core.workspace.Modes;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path tmp;

    /** The two calls a save makes; the snapshot's file mode is recorded as etcd starts writing to it. */
    private static EtcdAdmin etcd(byte[] content, Path store, AtomicReference<String> modeWhileWriting) {
        return (EtcdAdmin) Proxy.newProxyInstance(EtcdAdmin.class.getClassLoader(), new Class<?>[] {EtcdAdmin.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "keyCount" -> CompletableFuture.completedFuture(new KeyCount(3, 42));
                    case "snapshot" -> {
                        try (var parts = Files.list(store)) {
                            modeWhileWriting.set(Modes.of(parts.filter(p -> p.toString().endsWith(".part"))
                                    .findFirst().orElseThrow()));
                        }
                        ((OutputStream) args[0]).write(content);
                        yield CompletableFuture.completedFuture((long) content.length);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSnapshotItsMetadataAndItsNewFolderArePrivateFromCreation() throws Exception {
        Path storeDir = tmp.resolve("home/clusters/prod/snapshots");
        SnapshotStore store = new SnapshotStore(storeDir);
        AtomicReference<String> modeWhileWriting = new AtomicReference<>();
        byte[] content = "the whole key space".getBytes(StandardCharsets.UTF_8);

        SnapshotInfo info = store.save(etcd(content, storeDir, modeWhileWriting), "before upgrade", "3.5.17",
                List.of("etcd1"));

        assertThat(modeWhileWriting.get()).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(info.file())).isEqualTo(content);
        assertThat(Modes.of(info.file())).isEqualTo("rw-------");
        assertThat(Modes.of(SnapshotStore.metadataFile(info.file()))).isEqualTo("rw-------");
        assertThat(Modes.of(storeDir)).isEqualTo("rwx------");
        assertThat(Modes.of(tmp.resolve("home/clusters/prod"))).isEqualTo("rwx------");
        assertThat(SnapshotStore.readMetadata(info.file())).hasValueSatisfying(read -> {
            assertThat(read.revision()).isEqualTo(42);
            assertThat(read.keyCount()).isEqualTo(3);
        });
    }

    @Test
    void aRerunWithinTheSameSecondGetsItsOwnFileInsteadOfFailingOnTheFirst() throws Exception {
        SnapshotStore store = new SnapshotStore(tmp);
        Path first = Files.writeString(store.newFile("before compact"), "db");

        Path second = store.newFile("before compact");

        assertThat(second).isNotEqualTo(first).doesNotExist();
        assertThat(second.getFileName().toString()).matches("\\d{8}-\\d{6}-before-compact(-2)?\\.db");
    }

    @Test
    void rewrittenMetadataBecomesPrivate() throws Exception {
        Path db = Files.writeString(tmp.resolve("old.db"), "db");
        Path meta = Files.writeString(SnapshotStore.metadataFile(db), "{}");
        Modes.set(meta, "rw-r--r--");

        SnapshotStore.writeMetadata(new SnapshotInfo(db, "", 2, 0, null, java.time.Instant.now(), "unknown",
                List.of(), "test", true));

        assertThat(Modes.of(meta)).isEqualTo("rw-------");
        assertThat(SnapshotStore.readMetadata(db)).hasValueSatisfying(read -> assertThat(read.reason()).isEqualTo("test"));
    }
}
