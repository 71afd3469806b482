package dev.quorum.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
    @TempDir
    Path tmp;

    @Test
    void createsMissingFoldersAndTheirParentsPrivate() throws Exception {
        Path dir = OwnerOnly.directories(tmp.resolve("a/b/c"));

        assertThat(dir).isDirectory();
        assertThat(Modes.of(tmp.resolve("a"))).isEqualTo("rwx------");
        assertThat(Modes.of(tmp.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(Modes.of(dir)).isEqualTo("rwx------");
    }

    @Test
    void leavesAnExistingFolderAsItIs() throws Exception {
        // It may be a folder the user chose for a snapshot; only Quorum's own folders are tightened.
        Path chosen = Files.createDirectory(tmp.resolve("chosen"));
        Modes.set(chosen, "rwxr-xr-x");

        OwnerOnly.directories(chosen);

        assertThat(Modes.of(chosen)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aNewFileIsPrivateBeforeAnythingIsWritten() throws Exception {
        Path file = tmp.resolve("snapshot.db");
        try (OutputStream out = OwnerOnly.newOutputStream(file)) {
            assertThat(Modes.of(file)).isEqualTo("rw-------");
            out.write("data".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(file)).isEqualTo("data");
        assertThat(Modes.of(file)).isEqualTo("rw-------");
    }

    @Test
    void anExistingLooseFileIsTightenedWhenOpenedAndReplaced() throws Exception {
        Path file = Files.writeString(tmp.resolve("meta.json"), "old and longer");
        Modes.set(file, "rw-rw-r--");

        try (OutputStream out = OwnerOnly.newOutputStream(file)) {
            out.write("new".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(Modes.of(file)).isEqualTo("rw-------");
    }

    @Test
    void createNewRefusesAnExistingFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("run.jsonl"), "kept");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> OwnerOnly.newOutputStream(file, StandardOpenOption.CREATE_NEW))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void tightenTakesGroupAndOtherBitsAwayAndKeepsTheOwners() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        Modes.set(dir, "rwxrwxrwx");
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Modes.set(file, "r--r--r--");

        assertThat(OwnerOnly.tighten(dir)).isTrue();
        assertThat(OwnerOnly.tighten(file)).isTrue();
        assertThat(OwnerOnly.tighten(dir)).as("already private").isFalse();
        assertThat(OwnerOnly.tighten(tmp.resolve("missing"))).isFalse();

        assertThat(Modes.of(dir)).isEqualTo("rwx------");
        assertThat(Modes.of(file)).isEqualTo("r--------");
        assertThat(tmp.resolve("missing")).doesNotExist();
    }
}
