package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.quorum.core.pki.CertificateProfile;
import dev.quorum.core.pki.CertificateRequest;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI and the app may both find the client certificate missing: while one process issues the pair, the other
 * waits, then uses that pair instead of writing its own over it.
 */
class ClusterPkiProcessesTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessWaitsForThePairBeingIssuedAndKeepsIt() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        ClusterPki pki = ClusterPki.open(home, "c1"); // the CA, as the first command makes it
        Path cert = pki.directory().resolve(ClusterPki.CLIENT_CERT);
        Path key = pki.directory().resolve(ClusterPki.CLIENT_KEY);
        Path ready = dir.resolve("ready");
        Path go = dir.resolve("go");
        Process other;
        IssuedCertificate ours;
        try (FileChannel channel = FileChannel.open(pki.directory().resolve(ClusterPki.CLIENT_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock issuing = channel.lock()) {
            other = startOtherProcess(home, ready, go);
            awaitFile(ready);
            Files.createFile(go);
            // Time for the other process to reach the issuing (and, were it not waiting, to write its pair).
            Thread.sleep(1000);
            assertThat(cert).as("written by the other process while this one held the lock").doesNotExist();
            assertThat(key).doesNotExist();
            ours = pki.ca().issue(new CertificateRequest("quorum-client", CertificateProfile.CLIENT, List.of(),
                    List.of(), Duration.ofDays(365), KeyAlgorithm.EC_P256));
            Files.writeString(key, ours.privateKeyPem());
            Files.writeString(cert, ours.certificatePem());
        }
        try {
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other process ended").isTrue();
            assertThat(other.exitValue()).as(Files.readString(dir.resolve("out"))).isZero();
        } finally {
            other.destroyForcibly();
        }
        assertThat(Files.readString(cert)).isEqualTo(ours.certificatePem());
        assertThat(Files.readString(key)).isEqualTo(ours.privateKeyPem());
    }

    private Process startOtherProcess(QuorumHome home, Path ready, Path go) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClientTlsIssuingProcess.class.getName(),
                home.root().toString(), ready.toString(), go.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile())
                .start();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (System.nanoTime() - deadline > 0) {
                fail("the other process did not open the PKI within 60 s");
            }
            Thread.sleep(10);
        }
    }
}
