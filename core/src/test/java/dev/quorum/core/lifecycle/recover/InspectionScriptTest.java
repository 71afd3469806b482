package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.remote.Shell;
import dev.quorum.core.standin.LocalShell;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer probe runs with the local sh and bash on addresses that would run a command if any shell parsed them
 * twice. It only opens TCP connections to 127.0.0.1 (refused at once) and to names that do not resolve.
 */
class InspectionScriptTest {
    private static final EtcdSettings SETTINGS = new EtcdSettings("v3.4.23", URI.create("file:///tmp/etcd.tgz"),
            Optional.empty(), "/var/lib/etcd", "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000,
            List.of(), List.of(), "k8s_etcd", "amd64");
    @TempDir
    Path dir;

    private String hostile() {
        return "$(touch " + dir.resolve("pwned") + ")";
    }

    private String runWithSh(String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void hostilePeerAddressIsProbedAsTextNotRun() throws Exception {
        String peers = Shell.join(List.of(hostile(), "`touch " + dir.resolve("pwned2") + "`", "127.0.0.1"));
        String script = "t=" + Shell.quote(dir.toString()) + "\n" + InspectionScript.peerProbe(peers) + "\nwait";

        runWithSh(script);

        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(dir.resolve("pwned2")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("peers"))).containsExactlyInAnyOrder(hostile() + " fail",
                "`touch " + dir.resolve("pwned2") + "` fail", "127.0.0.1 fail");
    }

    @Test
    void theOldProbeWouldHaveRunTheAddress() throws Exception {
        // Proof that the test above can see an injection: the probe as it was, with $p spliced into bash's script.
        String old = "t=" + Shell.quote(dir.toString()) + "\nfor p in " + Shell.quote(hostile()) + "; do ( if timeout 1 "
                + "bash -c \"exec 3<>/dev/tcp/$p/2380\" 2>/dev/null; then echo \"$p ok\"; else echo \"$p fail\"; fi )"
                + " >>\"$t/peers\" & done\nwait";

        runWithSh(old);

        assertThat(dir.resolve("pwned")).exists();
    }

    @Test
    void renderedScriptPassesPeersAsArguments() {
        String script = InspectionScript.render(SETTINGS, List.of("10.0.0.2", hostile()));

        assertThat(script).contains("bash -c 'exec 3<>\"/dev/tcp/$1/2380\"' quorum-probe \"$p\"");
        assertThat(script).contains("for p in 10.0.0.2 '" + hostile() + "'; do");
        assertThat(script).doesNotContain("/dev/tcp/$p");
    }

    @Test
    void theInspectionAsksForTheRestoreDropInOfItsClustersUnit() {
        String script = InspectionScript.render(SETTINGS, List.of("10.0.0.2"));

        assertThat(script).contains(InspectionScript.MARKER + "dropin; " + InitialCheckDropIn.probeCommand(ClusterLayout.MAIN))
                .contains("systemctl show -p DropInPaths --value etcd 2>/dev/null");
        assertThat(InitialCheckDropIn.probeCommand(ClusterLayout.EVENTS))
                .contains("/run/systemd/system/etcd-events.service.d/quorum-restore.conf")
                .contains("/run/systemd/system/etcd-events.service.d/quorum-restore.env")
                .contains("--value etcd-events 2>/dev/null");
    }

    @Test
    void theRestoreMarkerIsReadAsNoneUnfinishedOrCompleted() throws Exception {
        String data = dir.resolve("data").toString();
        Files.createDirectories(dir.resolve("data"));
        assertThat(runWithSh(InspectionScript.restoreMarker(data))).isEqualTo("none\n");

        Files.writeString(dir.resolve("data/quorum-restore"), "SNAPSHOT_SHA256=ab\nCLUSTER_TOKEN=t\nRESTORED_AT=x\n");
        assertThat(runWithSh(InspectionScript.restoreMarker(data))).isEqualTo("unfinished\n");

        Files.writeString(dir.resolve("data/quorum-restore"), "SNAPSHOT_SHA256=ab\nCOMPLETED_AT=y\n");
        assertThat(runWithSh(InspectionScript.restoreMarker(data))).isEqualTo("completed\n");
    }

    @Test
    void aStoppedProcessIsToldFromARunningOneAndNoProcessFromBoth() throws Exception {
        Process etcd = new ProcessBuilder("sleep", "60").start();
        try {
            // a systemctl that names that process as etcd's main one, as systemd does, and no freezer
            Path mainPid = dir.resolve("main-pid");
            LocalShell shell = LocalShell.in(dir).standIn("systemctl", "case \"$*\" in *MainPID*) cat " + mainPid
                    + ";; esac\n");
            String script = InspectionScript.processState("etcd");

            Files.writeString(mainPid, etcd.pid() + "\n");
            assertThat(stateOnceSettled(shell, script, ProcessState.RUNNING)).isEqualTo(ProcessState.RUNNING);
            assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(etcd.pid())).start().waitFor()).isZero();
            assertThat(stateOnceSettled(shell, script, ProcessState.STOPPED)).isEqualTo(ProcessState.STOPPED);
            Files.writeString(mainPid, "0\n");
            assertThat(shell.run(script).stdout()).isEqualTo("none\n");
        } finally {
            etcd.destroyForcibly();
        }
    }

    /** A signal takes effect when the process next runs, and a process just started may still be running: up to 5 s. */
    private static ProcessState stateOnceSettled(LocalShell shell, String script, ProcessState expected)
            throws Exception {
        ProcessState state = ProcessState.UNKNOWN;
        for (int i = 0; i < 50 && state != expected; i++) {
            state = ProcessState.of(shell.run(script).stdout().strip());
            if (state != expected) {
                Thread.sleep(100);
            }
        }
        return state;
    }
}
