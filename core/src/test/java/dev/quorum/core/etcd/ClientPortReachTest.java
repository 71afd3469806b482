package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Knocks on loopback ports only: one with a listener, one closed. */
class ClientPortReachTest {

    @Test
    void onlyARefusingPortRefuses() throws IOException {
        int closedPort = freePort();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(ClientPortReach.refuses("127.0.0.1", closedPort)).isTrue();
            assertThat(ClientPortReach.refuses("127.0.0.1", listening.getLocalPort())).isFalse();
        }
    }

    @Test
    void bothAListeningAndARefusingPortAreReachedPaths() throws IOException {
        int closedPort = freePort();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(ClientPortReach.whyNotReachedAt("127.0.0.1", listening.getLocalPort())).isEmpty();
            assertThat(ClientPortReach.whyNotReachedAt("127.0.0.1", closedPort)).isEmpty();
        }
    }

    /** A port nothing listens on: bound once to learn a free one, then closed. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
