package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands and file transfer as root against a real sshd. */
class SshCommandsTest {

    private static TestSshd sshd;
    private static SshConnector connector;
    private static RemoteHost host;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start();
        Path knownHosts = sshd.dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        connector = new SshConnector(sshd.options(knownHosts));
        host = connector.connect("h1", sshd.root());
        work = sshd.dir.resolve("files");
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void separatesExitStatusStdoutAndStderr() {
        CommandResult result = host.run("echo out; echo err >&2; exit 3");
        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.ok()).isFalse();
    }

    @Test
    void runsWithShSemanticsAsRoot() {
        assertThat(host.run("x=1; for i in a b; do x=$((x+1)); done; echo $x; id -u").stdout()).isEqualTo("3\n0\n");
    }

    @Test
    void quotedArgumentsArriveIntact() {
        String nasty = "it's $HOME `id` \"q\" ;|&";
        assertThat(host.run("printf %s " + Shell.quote(nasty)).stdout()).isEqualTo(nasty);
    }

    @Test
    void streamsLinesAsTheyAreWritten() throws Exception {
        // The command cannot finish until the test has seen its first line: only streaming gets past the wait.
        String gate = "/tmp/quorum-stream-gate-" + System.nanoTime();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CommandResult result = host.run("echo first; i=0; while [ ! -e " + gate + " ] && [ $i -lt 200 ]; do"
                + " sleep 0.05; i=$((i+1)); done; [ -e " + gate + " ] && echo gate-opened >&2; echo second",
                (stream, line) -> {
                    seen.add(stream + ":" + line);
                    if (line.equals("first")) {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(gate), "");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(gate));
        // stdout and stderr are separate channels: only the order within one is defined.
        assertThat(seen).filteredOn(l -> l.startsWith("STDOUT:")).containsExactly("STDOUT:first", "STDOUT:second");
        assertThat(seen).contains("STDERR:gate-opened");
        assertThat(result.stdout()).isEqualTo("first\nsecond\n");
        assertThat(result.stderr()).isEqualTo("gate-opened\n");
    }

    @Test
    void timeoutKillsTheCommand() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> host.run("sleep 60.123", Duration.ofSeconds(1)))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("h1")
                .hasMessageContaining("did not finish within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // [.] keeps pgrep's own sh -c command line from matching itself.
        assertThat(host.run("pgrep -f 'sleep 60[.]123'").exitStatus()).isEqualTo(1);
    }

    @Test
    void commandReadingStdinGetsEndOfFile() {
        assertThat(host.run("cat; echo done", Duration.ofSeconds(5)).stdout()).isEqualTo("done\n");
    }

    @Test
    void writeIsAtomicWithModeAndCreatesParents() {
        String target = work + "/a/b/etcd.env";
        host.write("ONE=1\n".getBytes(StandardCharsets.UTF_8), target, "0640");
        assertThat(host.run("stat -c '%a %U' " + target).stdout()).isEqualTo("640 root\n");
        String inodeBefore = host.run("stat -c %i " + target).stdout();

        host.write("TWO=2\n".getBytes(StandardCharsets.UTF_8), target, "0600");
        assertThat(host.run("stat -c %a " + target).stdout()).isEqualTo("600\n");
        // A rename puts a new inode in place; writing in place would keep the old one.
        assertThat(host.run("stat -c %i " + target).stdout()).isNotEqualTo(inodeBefore);
        assertThat(host.run("ls -A " + work + "/a/b").stdout()).isEqualTo("etcd.env\n"); // no temp left
        assertThat(host.read(target)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("TWO=2\n"));
    }

    @Test
    void uploadCopiesALocalFile() throws Exception {
        Path local = sshd.dir.resolve("local.bin");
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(local, content);
        String target = work + "/up/etcd.tar";
        host.upload(local, target, "755");
        assertThat(host.run("stat -c %a " + target).stdout()).isEqualTo("755\n");
        assertThat(Files.readAllBytes(Path.of(target))).isEqualTo(content);
    }

    @Test
    void uploadScratchCopiesALocalFileWithoutSyncingIt() throws Exception {
        Path local = sshd.dir.resolve("scratch.bin");
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 17);
        }
        Files.write(local, content);
        String target = work + "/scratch/etcd.tar.gz";
        host.uploadScratch(local, target, "0600");
        assertThat(host.run("stat -c %a " + target).stdout()).isEqualTo("600\n");
        assertThat(Files.readAllBytes(Path.of(target))).isEqualTo(content);
        assertThat(host.run("ls -A " + work + "/scratch").stdout()).isEqualTo("etcd.tar.gz\n");
        assertThat(RemoteScripts.INSTALL_SCRATCH).doesNotContain("sync").isNotEqualTo(RemoteScripts.INSTALL);
    }

    @Test
    void runFeedingStreamsALocalFileIntoTheCommandsStdin() throws Exception {
        Path local = sshd.dir.resolve("fed.bin");
        byte[] content = new byte[3_000_000]; // larger than sshj's channel window, so the feed waits for the reader
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(local, content);
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content));

        CommandResult ran = host.runFeeding("sha256sum | cut -d' ' -f1; echo done", local);

        assertThat(ran.exitStatus()).isZero();
        assertThat(ran.stdout()).isEqualTo(expected + "\ndone\n");
    }

    @Test
    void severalFilesWithTheirModesInOneExchange() {
        String env = "ETCD_NAME='etcd 1'\nlast line without newline";
        host.write(env.getBytes(StandardCharsets.UTF_8), work + "/many/etcd.env", "0640");
        host.write(new byte[0], work + "/many/it's empty", "0600");

        var files = dev.quorum.core.cluster.HostFileReads.read(host,
                List.of(work + "/many/etcd.env", work + "/many/missing", work + "/many/it's empty"));

        assertThat(files.get(work + "/many/etcd.env")).contains(new dev.quorum.core.cluster.HostFile(env, "640"));
        assertThat(files.get(work + "/many/missing")).isEmpty();
        assertThat(files.get(work + "/many/it's empty")).contains(new dev.quorum.core.cluster.HostFile("", "600"));
    }

    @Test
    void readsBinaryContentAndReportsMissingFiles() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        host.write(all, work + "/bin/all-bytes", "0644");
        assertThat(host.read(work + "/bin/all-bytes")).hasValue(all);
        assertThat(host.read(work + "/bin/missing")).isEmpty();
        assertThat(host.read(work + "/bin/no/such/dir/file")).isEmpty();
    }

    @Test
    void readsMebibytesOfAFileOverTheChannelWithoutATemporaryFile() throws Exception {
        byte[] all = new byte[2 * 1024 * 1024 + 5];
        new java.util.Random(3).nextBytes(all);
        String file = work + "/big dir/it's db";
        host.write(all, file, "0600");
        host.run("touch " + work + "/marker");

        byte[] first = host.readMebibytes(file, 0, 1, Duration.ofSeconds(30)).orElseThrow();
        byte[] rest = host.readMebibytes(file, 1, 4, Duration.ofSeconds(30)).orElseThrow();
        byte[] past = host.readMebibytes(file, 3, 1, Duration.ofSeconds(30)).orElseThrow();

        assertThat(first).isEqualTo(java.util.Arrays.copyOfRange(all, 0, 1024 * 1024));
        assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(all, 1024 * 1024, all.length));
        assertThat(past).isEmpty();
        assertThat(host.readMebibytes(work + "/no/such/db", 0, 1, Duration.ofSeconds(30))).isEmpty();
        // Other processes share this machine's /tmp: look for a copy of the piece itself, not for any change.
        String pieceSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(first));
        String copies = host.run("find /tmp /var/tmp -xdev -type f -newer " + work + "/marker -size 1048576c "
                + "-exec sha256sum {} + 2>/dev/null; true").stdout();
        assertThat(copies).as("no piece written to a temp dir").doesNotContain(pieceSha);
    }

    @Test
    void readOfADirectoryFails() {
        host.run("mkdir -p " + work + "/dir");
        assertThatThrownBy(() -> host.read(work + "/dir"))
                .isInstanceOf(RemoteException.class)
                .hasMessageContaining("Reading " + work + "/dir on h1 failed");
    }

    @Test
    void rejectsBadModesAndRelativePaths() {
        byte[] x = {1};
        assertThatThrownBy(() -> host.write(x, work + "/m", "rw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> host.write(x, work + "/m", "0644; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> host.write(x, "relative/path", "0644")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectorReusesTheConnectionPerHost() {
        assertThat(connector.connect("h1", sshd.root())).isSameAs(host);
    }

    @Test
    void closedHostIsReplacedOnNextConnect() {
        RemoteHost other = connector.connect("h2", sshd.root());
        other.close();
        RemoteHost again = connector.connect("h2", sshd.root());
        assertThat(again).isNotSameAs(other);
        assertThat(again.run("echo hi").stdout()).isEqualTo("hi\n");
    }
}
