package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.standin.LocalShell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join's drop-in (decision 0066): one per unit, and what systemd reads from it, written by the host's sh. */
class StartTimeoutDropInTest {
    @TempDir
    Path root;

    @Test
    void eachClusterUnitHasItsOwnDropIn() {
        assertThat(StartTimeoutDropIn.path(ClusterLayout.MAIN))
                .isEqualTo("/run/systemd/system/etcd.service.d/quorum-join.conf");
        assertThat(StartTimeoutDropIn.path(ClusterLayout.EVENTS))
                .isEqualTo("/run/systemd/system/etcd-events.service.d/quorum-join.conf");
    }

    @Test
    void theWrittenFileLiftsTheStartTimeoutAndRemovalLeavesAnotherDropInAlone() throws Exception {
        // the commands as the host runs them, under a scratch root and with a systemctl that only says it was asked
        LocalShell shell = LocalShell.in(root).standIn("systemctl", "echo \"$@\" >> " + root.resolve("asked") + "\n");
        String write = StartTimeoutDropIn.writeCommand(ClusterLayout.MAIN).replace("/run/", root + "/run/");
        String remove = StartTimeoutDropIn.removeCommand(ClusterLayout.MAIN).replace("/run/", root + "/run/");
        Path dropIn = Path.of(root + StartTimeoutDropIn.path(ClusterLayout.MAIN));

        assertThat(shell.run(write).exit()).isZero();
        assertThat(Files.readString(dropIn)).isEqualTo("[Service]\nTimeoutStartSec=infinity\n");
        Files.writeString(dropIn.resolveSibling("quorum-restore.conf"), "[Service]\n");
        assertThat(shell.run(remove).exit()).isZero();

        assertThat(dropIn).doesNotExist();
        assertThat(dropIn.resolveSibling("quorum-restore.conf")).exists();
        assertThat(Files.readAllLines(root.resolve("asked"))).containsExactly("daemon-reload", "daemon-reload");
    }

    @Test
    void aStartTimeoutStillSetByALaterDropInIsNamedWithWhatToDo() {
        // systemctl show prints properties in its own order, whatever order -p asked for
        String shown = "DropInPaths=/etc/systemd/system/etcd.service.d/timeout.conf "
                + "/run/systemd/system/etcd.service.d/quorum-join.conf\nTimeoutStartUSec=2min\n";

        assertThat(StartTimeoutDropIn.limitLeft("lab4", shown)).hasValueSatisfying(said -> assertThat(said)
                .contains("etcd on lab4 after 2min", "/etc/systemd/system/etcd.service.d/timeout.conf",
                        "sorts after quorum-join.conf", "rename that drop-in to sort before quorum-join.conf"));
    }

    @Test
    void aLiftedOrUnreportedTimeoutSaysNothing() {
        assertThat(StartTimeoutDropIn.limitLeft("lab4", "TimeoutStartUSec=infinity\nDropInPaths=\n")).isEmpty();
        assertThat(StartTimeoutDropIn.limitLeft("lab4", "")).isEmpty();
    }
}
