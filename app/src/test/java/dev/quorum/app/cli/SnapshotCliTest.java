package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot and restore commands without a cluster: help, verify's answers and exit codes, bad usage. */
class SnapshotCliTest {
    @TempDir
    Path dir;

    /** Shaped like a `snapshot save` file: bbolt pages, then the sha256 of them (real ones in RestoreCliLabTest). */
    private Path snapshot(String name, boolean withHash) throws Exception {
        byte[] db = new byte[8 * 512];
        new Random(3).nextBytes(db);
        ByteBuffer.wrap(db, 16, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        Path file = Files.write(dir.resolve(name), db);
        if (withHash) {
            Files.write(file, MessageDigest.getInstance("SHA-256").digest(db), java.nio.file.StandardOpenOption.APPEND);
        }
        return file;
    }

    @Test
    void helpShowsTheSubcommandsAndOptions() {
        CliContractTest.Run snapshot = CliContractTest.run("snapshot", "--help");
        CliContractTest.Run restore = CliContractTest.run("restore", "--help");

        assertThat(snapshot.exit()).isZero();
        assertThat(snapshot.out()).contains("save").contains("list").contains("verify");
        assertThat(restore.exit()).isZero();
        assertThat(restore.out()).contains("--snapshot").contains("--from-survivor").contains("--skip-hash-check")
                .contains(RestoreCommand.DATA_LOSS_FLAG).contains("--plan").contains("--keep-revisions")
                .contains("--bump-revision 1000000000");
        assertThat(CliContractTest.run("snapshot", "save", "--help").out()).contains("--output").contains("--inventory");
    }

    @Test
    void verifyTellsIntactFromRawAndDamaged() throws Exception {
        Path intact = snapshot("ok.db", true);
        Path raw = snapshot("raw.db", false);
        byte[] content = Files.readAllBytes(intact);
        content[100] ^= 1;
        Path damaged = Files.write(dir.resolve("bad.db"), content);

        CliContractTest.Run ok = CliContractTest.run("snapshot", "verify", intact.toString());
        CliContractTest.Run rawRefused = CliContractTest.run("snapshot", "verify", raw.toString());
        CliContractTest.Run rawAccepted = CliContractTest.run("snapshot", "verify", raw.toString(), "--skip-hash-check");
        CliContractTest.Run bad = CliContractTest.run("snapshot", "verify", damaged.toString());

        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("intact");
        assertThat(rawRefused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(rawRefused.err()).contains("no integrity hash").contains("--skip-hash-check");
        assertThat(rawAccepted.exit()).isZero();
        assertThat(rawAccepted.out()).contains("raw bbolt database");
        assertThat(bad.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(bad.err()).contains("is damaged");
    }

    @Test
    void restoreTakesExactlyOneSource() throws Exception {
        Path inventory = dir.resolve("hosts.yaml");
        CliContractTest.Run both = CliContractTest.run("restore", "-i", inventory.toString(), "--snapshot", "x.db",
                "--from-survivor", "lab1");
        CliContractTest.Run none = CliContractTest.run("restore", "-i", inventory.toString());

        assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMissingSnapshotIsRefusedBeforeTheInventoryIsEvenRead() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "restore", "-i", dir.resolve("hosts.yaml").toString(),
                "--snapshot", dir.resolve("nope.db").toString(), "--yes"))
                .contains("does not exist").contains("quorum snapshot list");
    }
}
