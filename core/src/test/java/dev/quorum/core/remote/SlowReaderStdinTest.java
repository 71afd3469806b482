package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every byte fed to a command's stdin arrives, even when the command reads it only after a pause. sshj's
 * ChannelOutputStream.close() sends what the server's window takes at that moment and then EOF, dropping the rest:
 * a file written to a busy host lost its last bytes (SshCommandsTest saw a 2 MiB + 5 file come back 5 bytes short).
 */
class SlowReaderStdinTest {
    private static TestSshd sshd;
    private static SSHClient client;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start();
        client = new SSHClient();
        client.addHostKeyVerifier(new PromiscuousVerifier()); // a throwaway loopback sshd this test started
        client.connect("127.0.0.1", sshd.root().port());
        client.authPublickey("root", sshd.root().privateKey().orElseThrow().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    /** Sizes around OpenSSH's session window (2 MiB) and a pipe's buffer (64 KiB), each ending in a short tail. */
    @ParameterizedTest
    @ValueSource(ints = {2 * 1024 * 1024 + 5, 2 * 1024 * 1024 + 64 * 1024 + 5, 3 * 1024 * 1024 + 7})
    void aCommandThatStartsReadingLateGetsEveryByte(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path target = Files.createTempFile(sshd.dir, "stdin", ".bin");

        CommandExecution.Raw raw = CommandExecution.execute(client, "slow-reader", "sleep 1; cat > " + target,
                new ByteArrayInputStream(content), OutputListener.NONE, Duration.ofSeconds(60));

        assertThat(raw.exitStatus()).as(raw.stderr()).isZero();
        assertThat(Files.size(target)).isEqualTo(size);
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(content));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
