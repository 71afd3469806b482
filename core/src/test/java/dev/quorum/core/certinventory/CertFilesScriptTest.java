package dev.quorum.core.certinventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only script that fetches a cert dir, run by a real sh on local files. */
class CertFilesScriptTest {
    @TempDir
    Path dir;

    private String run(String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes());
    }

    @Test
    void everyPemWithItsModeAndTheNamedFilesIncludingMissingOnes() throws Exception {
        Path ssl = Files.createDirectories(dir.resolve("ssl dir"));
        Files.writeString(ssl.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Files.writeString(ssl.resolve("member-a-key.pem"), "KEY\n");
        Files.setPosixFilePermissions(ssl.resolve("member-a-key.pem"), PosixFilePermissions.fromString("rw-r--r--"));
        Path elsewhere = dir.resolve("server.crt");
        Files.writeString(elsewhere, "CERT\n");

        List<CertFile> files = CertFilesScript.parse(run(CertFilesScript.script(ssl.toString(),
                List.of(elsewhere.toString(), dir.resolve("gone.pem").toString()))), ssl.toString());

        assertThat(files).extracting(CertFile::fileName)
                .containsExactly("ca.pem", "member-a-key.pem", "server.crt", "gone.pem");
        assertThat(files.get(0).content().orElseThrow()).startsWith("-----BEGIN CERTIFICATE-----\nAAAA\n");
        assertThat(files.get(1).mode()).isEqualTo("644");
        assertThat(files.get(1).permissions()).isEqualTo(0644);
        assertThat(files.get(3).exists()).isFalse();
    }

    @Test
    void anEmptyDirectoryGivesNoFiles() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(CertFilesScript.parse(run(CertFilesScript.script(empty.toString(), List.of())), empty.toString()))
                .isEmpty();
    }
}
