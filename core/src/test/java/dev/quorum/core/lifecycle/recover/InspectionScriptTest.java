package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateRequest;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.TestCertificates;
import dev.quorum.core.remote.Shell;
import dev.quorum.core.standin.LocalShell;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    @Test
    void onlyACertificateOpensslReadsAsExpiredIsReportedOncePerFileAndKind() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        CertificateRequest member = KubesprayCertificates.of(List.of(new CertHost("h1", "10.0.0.1")), List.of(),
                List.of()).member("h1").request();
        Instant now = Instant.now();
        Path expired = dir.resolve("member-h1.pem");
        Files.writeString(expired, TestCertificates.issue(ca, member, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofHours(1))).certificatePem());
        Path valid = dir.resolve("admin-h1.pem");
        Files.writeString(valid, TestCertificates.issue(ca, member, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(400))).certificatePem());
        Path unreadable = dir.resolve("not-a-certificate.pem");
        Files.writeString(unreadable, "not a certificate\n");
        Path env = dir.resolve("etcd env");
        Files.writeString(env, "ETCD_CERT_FILE=" + expired + "\nETCD_PEER_CERT_FILE=" + expired + "\nETCDCTL_CERT="
                + valid + "\n");
        Path otherEnv = dir.resolve("other.env");
        Files.writeString(otherEnv, "ETCD_CERT_FILE=" + unreadable + "\nETCD_PEER_CERT_FILE=" + dir.resolve("missing.pem")
                + "\n");
        Path caEnv = dir.resolve("ca.env");
        Files.writeString(caEnv, "ETCD_TRUSTED_CA_FILE=" + expired + "\nETCD_PEER_TRUSTED_CA_FILE=" + expired
                + "\nETCDCTL_CACERT=" + valid + "\n");

        List<String> lines = runWithSh(InspectionScript.expiredCertificates(env.toString())).lines().toList();

        assertThat(lines).hasSize(1);
        ExpiredCertificate found = ExpiredCertificate.parse(lines.get(0)).orElseThrow();
        assertThat(found.path()).isEqualTo(expired.toString());
        assertThat(found.notAfter()).endsWith(" GMT");
        assertThat(found.authority()).isFalse();
        assertThat(runWithSh(InspectionScript.expiredCertificates(otherEnv.toString())))
                .as("a file that is no certificate, a missing one").isEmpty();
        List<String> caLines = runWithSh(InspectionScript.expiredCertificates(caEnv.toString())).lines().toList();
        assertThat(caLines).as("an expired CA file named twice, once; a valid one, not").hasSize(1);
        assertThat(ExpiredCertificate.parse(caLines.get(0)).orElseThrow()).satisfies(authority -> {
            assertThat(authority.path()).isEqualTo(expired.toString());
            assertThat(authority.authority()).isTrue();
        });
        assertThat(runWithSh(InspectionScript.expiredCertificates(dir.resolve("no-such.env").toString())))
                .as("no env file: nothing said").isEmpty();
    }

    @Test
    void theDataDirsFreeSpaceIsWhatDfSaysOfItsFilesystemOrOfItsParentWhileItIsMissing() throws Exception {
        Path data = Files.createDirectories(dir.resolve("etcd data"));
        String expected = runWithSh("df -Pk " + Shell.quote(dir.toString()) + " | awk 'NR == 2 { print $4 }'").strip();

        assertThat(runWithSh(InspectionScript.dataDirFreeKib(data.toString())).strip()).matches("[0-9]+");
        assertThat(Long.parseLong(runWithSh(InspectionScript.dataDirFreeKib(dir.resolve("missing").toString()))
                .strip())).isCloseTo(Long.parseLong(expected), org.assertj.core.data.Offset.offset(1024L * 1024));
    }
}
