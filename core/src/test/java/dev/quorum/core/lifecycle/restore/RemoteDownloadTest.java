package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.OutputListener;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import dev.quorum.core.workspace.Modes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteDownloadTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    /** A host whose files are this machine's; records every command it is asked to run. */
    private static final class LocalHost implements RemoteHost {
        final List<String> commands = new CopyOnWriteArrayList<>();
        final List<Long> piecesAsked = new CopyOnWriteArrayList<>();
        /** The one file whose sha256sum (with the path quoted as Quorum must) this host answers. */
        private final Path hashed;

        LocalHost(Path hashed) {
            this.hashed = hashed;
        }

        @Override
        public String name() {
            return "etcd1";
        }

        @Override
        public CommandResult run(String command, OutputListener listener) {
            return run(command, listener, Duration.ofMinutes(1));
        }

        @Override
        public CommandResult run(String command, OutputListener listener, Duration timeout) {
            commands.add(command);
            if (hashed != null && command.equals("sha256sum " + Shell.quote(hashed.toString()))) {
                try {
                    return new CommandResult(0, Sha256.of(hashed) + "  " + hashed + "\n", "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new CommandResult(127, "", "not expected: " + command);
        }

        @Override
        public void upload(Path localFile, String remotePath, String mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(byte[] content, String remotePath, String mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> read(String remotePath) {
            throw new UnsupportedOperationException("a database is never read whole");
        }

        @Override
        public Optional<byte[]> readMebibytes(String remotePath, long firstMebibyte, int mebibytes, Duration timeout) {
            piecesAsked.add(firstMebibyte);
            Path file = Path.of(remotePath);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try {
                byte[] all = Files.readAllBytes(file);
                int from = (int) Math.min(all.length, firstMebibyte * MIB);
                int to = (int) Math.min(all.length, (firstMebibyte + mebibytes) * MIB);
                return Optional.of(Arrays.copyOfRange(all, from, to));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void copiesInPiecesOverTheChannelIntoAPrivateFileAndWritesNothingOnTheHost() throws Exception {
        byte[] database = new byte[5 * MIB / 2];
        new Random(7).nextBytes(database);
        // A data dir whose name needs quoting in a shell command.
        Path remoteFile = Files.write(Files.createDirectories(tmp.resolve("it's data")).resolve("db"), database);
        LocalHost host = new LocalHost(remoteFile);
        Path local = tmp.resolve("copy.db");

        long copied = RemoteDownload.copy(host, remoteFile.toString(), local, 1);

        assertThat(copied).isEqualTo(database.length);
        assertThat(Files.readAllBytes(local)).isEqualTo(database);
        assertThat(Modes.of(local)).isEqualTo("rw-------");
        assertThat(host.piecesAsked).containsExactly(0L, 1L, 2L);
        // Only the hash is a command, with the path quoted; no temporary file, no dd into one.
        assertThat(host.commands).containsExactly("sha256sum " + Shell.quote(remoteFile.toString()));
    }

    @Test
    void aDatabaseThatIsAWholeNumberOfPiecesEndsWithAnEmptyRead() throws Exception {
        byte[] database = new byte[2 * MIB];
        new Random(8).nextBytes(database);
        Path remoteFile = Files.write(tmp.resolve("db"), database);
        LocalHost host = new LocalHost(remoteFile);

        assertThat(RemoteDownload.copy(host, remoteFile.toString(), tmp.resolve("copy.db"), 1)).isEqualTo(2L * MIB);
        assertThat(host.piecesAsked).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aVanishedDatabaseIsAClearFailure() {
        LocalHost host = new LocalHost(null);
        String missing = tmp.resolve("gone/db").toString();

        assertThatThrownBy(() -> RemoteDownload.copy(host, missing, tmp.resolve("copy.db"), 1))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("etcd1:" + missing + " disappeared");
    }
}
