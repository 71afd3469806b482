package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that does not answer is reported as unreachable (unknown, not "no backups"), within
 * the store's own bound: one call lasts at most {@link S3Waits#apiCall()}, retries included. The waits
 * here are shorter than {@link S3Waits#DEFAULT} so the silent server costs seconds, not half a minute.
 */
class S3UnreachableTest {
    private static final S3Waits WAITS = new S3Waits(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));
    private static final Duration BOUND = WAITS.apiCall().plus(Duration.ofSeconds(15));
    private static final S3Credentials CREDENTIALS = S3Credentials.of("some-key", "some-secret-value");

    private static S3UnreachableException listAt(int port) {
        S3Endpoint endpoint = S3Endpoint.parse("http://127.0.0.1:" + port, S3Endpoint.DEFAULT_REGION);
        return assertTimeoutPreemptively(BOUND, () -> {
            try (S3OffsiteStore store = S3OffsiteStore.open(S3Location.parse("s3://backups/a/"), endpoint, CREDENTIALS,
                    WAITS)) {
                return catchThrowableOfType(S3UnreachableException.class, store::list);
            }
        });
    }

    @Test
    void aClosedLoopbackPortIsUnreachableNotEmpty() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } // closed: connections are refused from here on

        S3UnreachableException unreachable = listAt(port);

        assertThat(unreachable.getMessage()).contains("http://127.0.0.1:" + port, "did not answer", "unknown");
        assertThat(unreachable.hint()).contains("--s3-endpoint");
        assertThat(unreachable.getMessage() + unreachable.hint()).doesNotContain("some-secret-value");
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOutAsUnreachable() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-s3");
            acceptor.setDaemon(true);
            acceptor.start();

            S3UnreachableException unreachable = listAt(silent.getLocalPort());

            assertThat(unreachable.getMessage()).contains("http://127.0.0.1:" + silent.getLocalPort(),
                    "did not answer", "unknown");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
