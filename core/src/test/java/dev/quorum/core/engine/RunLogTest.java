package dev.quorum.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.workspace.Modes;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
    @TempDir
    Path tmp;

    @Test
    void aRunLogAndItsNewFoldersArePrivateFromCreation() {
        Path file = tmp.resolve("clusters/prod/runs/20250101-install.jsonl");
        try (RunLog log = RunLog.create(file)) {
            // Checked while open and still empty: the mode is not a chmod at the end.
            assertThat(Modes.of(file)).isEqualTo("rw-------");
            log.on(new RunEvent.TargetOutput(Instant.now(), 1, "h1", LogLevel.INFO, "hello"));
        }
        assertThat(Modes.of(file)).isEqualTo("rw-------");
        assertThat(Modes.of(file.getParent())).isEqualTo("rwx------");
        assertThat(Modes.of(tmp.resolve("clusters/prod"))).isEqualTo("rwx------");
    }

    @Test
    void anExistingLogIsNeverOverwritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("run.jsonl"), "earlier run\n");

        assertThatThrownBy(() -> RunLog.create(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot create run log");
        assertThat(Files.readString(file)).isEqualTo("earlier run\n");
    }
}
