package dev.quorum.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's inventory is recognised however its path is spelled, and no other inventory is. */
class SandboxLayoutTest {
    @TempDir
    Path dir;

    @Test
    void theSandboxInventoryIsRecognisedByItsNormalisedPathOnly() {
        SandboxLayout layout = new SandboxLayout(new QuorumHome(dir));

        assertThat(layout.isInventory(dir.resolve("sandbox/inventory/hosts.yaml"))).isTrue();
        assertThat(layout.isInventory(dir.resolve("sandbox/inventory/../inventory/hosts.yaml"))).isTrue();
        assertThat(layout.isInventory(dir.resolve("clusters/prod/hosts.yaml"))).isFalse();
        assertThat(layout.isInventory(dir.resolve("sandbox/inventory/hosts.yml"))).isFalse();
    }
}
