package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.remote.JumpHost;
import dev.quorum.core.remote.SshTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retire step's short question to a silent host's SSH port, on loopback only. */
class SshPortAnswerTest {

    private static SshTarget at(int port) {
        return new SshTarget("127.0.0.1", port, "root", Optional.empty());
    }

    @Test
    void aListeningPortIsAnAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(SshPortAnswer.silence(at(server.getLocalPort()))).isEmpty();
        }
    }

    @Test
    void aRefusedConnectIsAnAnswerTooTheHostIsUp() throws Exception {
        int closed;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = server.getLocalPort();
        }
        assertThat(SshPortAnswer.silence(at(closed))).isEmpty();
    }

    @Test
    void throughAJumpHostNothingIsAskedTheSshConnectDecides() {
        SshTarget behind = new SshTarget("192.0.2.1", 22, "root", Optional.empty())
                .withJump(Optional.of(new JumpHost("127.0.0.1", 1, "root", Optional.empty())));
        assertThat(SshPortAnswer.silence(behind)).isEmpty();
    }

    /** A listener whose accept queue is full drops new SYNs: the same silence as a cut-off host. */
    @Test
    void noAnswerWithinTheWaitIsSilenceAndSaysWhere() throws Exception {
        List<Socket> filling = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 200);
                    filling.add(socket);
                } catch (java.io.IOException queueFull) {
                    socket.close();
                }
            }
            assertThat(SshPortAnswer.silence(at(server.getLocalPort())))
                    .hasValueSatisfying(why -> assertThat(why).contains("127.0.0.1:" + server.getLocalPort()));
        } finally {
            for (Socket socket : filling) {
                socket.close();
            }
        }
    }
}
