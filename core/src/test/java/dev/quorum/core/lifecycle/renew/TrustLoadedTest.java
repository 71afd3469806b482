package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.standin.LocalShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's trust switch is "write the CA files, then restart etcd": a run cut short between the
 * two must be recognised as not done, though the files alone look done.
 */
class TrustLoadedTest {
    @TempDir
    Path dir;

    @Test
    void etcdStartedBeforeTheFilesWereWrittenStillTrustsTheOldSet() {
        TrustLoaded cutShort = TrustLoaded.parse("etcd started 1000\nfile 1005 /etc/ssl/etcd/ssl/ca.pem\n"
                + "file 990 /etc/ssl/etcd/ssl/peer-ca.pem\n");
        assertThat(cutShort).isEqualTo(new TrustLoaded(OptionalLong.of(1000), 1005));
        assertThat(cutShort.stale()).isTrue();
    }

    @Test
    void etcdRestartedAfterTheFilesOrInTheSameSecondOrStoppedHasNothingPending() {
        assertThat(TrustLoaded.parse("etcd started 1006\nfile 1005 /ca.pem\n").stale()).isFalse();
        // A restart right after the write can fall in the same second: counted as loaded, or verify could never pass.
        assertThat(TrustLoaded.parse("etcd started 1005\nfile 1005 /ca.pem\n").stale()).isFalse();
        // A stopped etcd reads the files when it starts.
        assertThat(TrustLoaded.parse("etcd stopped\nfile 1005 /ca.pem\n").stale()).isFalse();
    }

    @Test
    void theScriptReportsARunningEtcdsStartAndTheFilesTimes() throws Exception {
        Process etcd = new ProcessBuilder("sleep", "60").start();
        try {
            LocalShell shell = LocalShell.in(dir).standIn("systemctl", "echo " + etcd.pid() + "\n");
            Path ca = Files.writeString(dir.resolve("ca file.pem"), "x");
            Path written = Files.writeString(dir.resolve("peer-ca.pem"), "x");
            Files.setLastModifiedTime(ca, FileTime.from(Instant.now().minusSeconds(3600)));
            Files.setLastModifiedTime(written, FileTime.from(Instant.now().plusSeconds(120)));

            TrustLoaded loaded = run(shell, List.of(ca.toString(), written.toString()));

            long now = Instant.now().getEpochSecond();
            assertThat(loaded.etcdStarted().orElseThrow()).isBetween(now - 10, now);
            assertThat(loaded.newestFile()).isEqualTo(Files.getLastModifiedTime(written).toInstant().getEpochSecond());
            assertThat(loaded.stale()).as("files written after etcd started").isTrue();

            Files.setLastModifiedTime(written, FileTime.from(Instant.now().minusSeconds(60)));
            assertThat(run(shell, List.of(ca.toString(), written.toString())).stale()).isFalse();
        } finally {
            etcd.destroy();
        }
        LocalShell shell = LocalShell.in(dir).standIn("systemctl", "echo 0\n");
        assertThat(run(shell, List.of(dir.resolve("missing.pem").toString())).etcdStarted()).isEmpty();
    }

    private static TrustLoaded run(LocalShell shell, List<String> files) throws Exception {
        LocalShell.Ran ran = shell.run(TrustLoaded.script(files));
        assertThat(ran.exit()).as(ran.stderr()).isZero();
        return TrustLoaded.parse(ran.stdout());
    }
}
