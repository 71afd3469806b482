package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Knocks on loopback ports only: one with a listener, one closed. */
class ClientPortReachTest {

    @Test
    void onlyAClosedPortIsRefusing() throws IOException {
        int closedPort = freePort();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, InetSocketAddress> ports = Map.of(
                    "open", InetSocketAddress.createUnresolved("127.0.0.1", listening.getLocalPort()),
                    "closed", InetSocketAddress.createUnresolved("127.0.0.1", closedPort));

            assertThat(ClientPortReach.refusingAt(ports)).containsExactly("closed");
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

    @Test
    void noMembersRefuseNothing() {
        assertThat(ClientPortReach.refusing(List.of())).isEmpty();
    }

    /** A port nothing listens on: bound once to learn a free one, then closed. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
