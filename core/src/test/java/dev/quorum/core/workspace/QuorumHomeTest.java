package dev.quorum.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuorumHomeTest {
    @TempDir
    Path tmp;

    @Test
    void looseClusterFoldersAreTightenedWhenTheClusterIsOpened() throws Exception {
        QuorumHome home = new QuorumHome(tmp.resolve("home"));
        for (Path dir : new Path[] {home.cluster("prod"), home.pki("prod"), home.snapshots("prod"), home.runs("prod")}) {
            Files.createDirectories(dir);
            Modes.set(dir, "rwxr-xr-x");
        }

        home.tightenCluster("prod");

        assertThat(Modes.of(home.cluster("prod"))).isEqualTo("rwx------");
        assertThat(Modes.of(home.pki("prod"))).isEqualTo("rwx------");
        assertThat(Modes.of(home.snapshots("prod"))).isEqualTo("rwx------");
        assertThat(Modes.of(home.runs("prod"))).isEqualTo("rwx------");
    }

    @Test
    void openingAClusterCreatesNothing() {
        QuorumHome home = new QuorumHome(tmp.resolve("home"));

        home.tightenCluster("prod");

        assertThat(home.root()).doesNotExist();
    }

    @Test
    void theHomeItselfAndOtherClustersAreLeftAlone() throws Exception {
        QuorumHome home = new QuorumHome(tmp.resolve("home"));
        Files.createDirectories(home.cluster("other"));
        Files.createDirectories(home.cluster("prod"));
        Modes.set(home.root(), "rwxr-x---");
        Modes.set(home.cluster("other"), "rwxr-xr-x");

        home.tightenCluster("prod");

        assertThat(Modes.of(home.root())).isEqualTo("rwxr-x---");
        assertThat(Modes.of(home.cluster("other"))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aPrivateDirectoryIsCreatedPrivateWithItsParentsAndAnExistingOneTightened() throws Exception {
        QuorumHome home = new QuorumHome(tmp.resolve("home"));

        QuorumHome.privateDirectory(home.pki("prod"));

        assertThat(Modes.of(home.root())).isEqualTo("rwx------");
        assertThat(Modes.of(home.cluster("prod"))).isEqualTo("rwx------");
        assertThat(Modes.of(home.pki("prod"))).isEqualTo("rwx------");

        Modes.set(home.pki("prod"), "rwxrwxr-x");
        QuorumHome.privateDirectory(home.pki("prod"));
        assertThat(Modes.of(home.pki("prod"))).isEqualTo("rwx------");
    }
}
