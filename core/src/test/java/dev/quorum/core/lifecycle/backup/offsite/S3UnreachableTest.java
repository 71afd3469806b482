package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An endpoint that does not answer is reported as unreachable, within the store's bounded wait. */
class S3UnreachableTest {

    @Test
    void aClosedLoopbackPortIsUnreachableNotEmpty() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } // closed: connections are refused from here on
        S3Endpoint endpoint = S3Endpoint.parse("http://127.0.0.1:" + port, S3Endpoint.DEFAULT_REGION);
        S3Credentials credentials = S3Credentials.of("some-key", "some-secret-value");

        // the bound is the store's own: one API call at most S3Clients.API_CALL_TIMEOUT, retries included
        S3UnreachableException unreachable = assertTimeoutPreemptively(
                S3Clients.API_CALL_TIMEOUT.plus(Duration.ofSeconds(15)), () -> {
                    try (S3OffsiteStore store = S3OffsiteStore.open(S3Location.parse("s3://backups/a/"), endpoint,
                            credentials)) {
                        return catchThrowableOfType(S3UnreachableException.class, store::list);
                    }
                });

        assertThat(unreachable.getMessage()).contains("http://127.0.0.1:" + port, "did not answer", "unknown");
        assertThat(unreachable.hint()).contains("--s3-endpoint");
        assertThat(unreachable.getMessage() + unreachable.hint()).doesNotContain("some-secret-value");
    }
}
