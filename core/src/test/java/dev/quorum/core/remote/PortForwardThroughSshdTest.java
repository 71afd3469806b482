package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Port forwards over a real sshd on loopback to an echo server on loopback: bytes cross both ways, directly
 * and through a bastion (the sshd serves as its own), and closing a forward leaves no thread or connection.
 */
class PortForwardThroughSshdTest {
    private static TestSshd sshd;
    private static Path knownHosts;
    private static ServerSocket echo;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start();
        knownHosts = sshd.dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(PortForwardThroughSshdTest::serveEcho, "echo");
        server.setDaemon(true);
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (echo != null) {
            echo.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private static void serveEcho() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread t = new Thread(() -> {
                    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ended) {
                        // the forward closed it
                    }
                }, "echo-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String roundTrip(int localPort, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), localPort)) {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            byte[] back = socket.getInputStream().readNBytes(text.length());
            return new String(back, StandardCharsets.UTF_8);
        }
    }

    private static long forwardThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(PortForward.THREAD_PREFIX) && t.isAlive()).count();
    }

    @Test
    void bytesCrossBothWaysAndCloseEndsEveryThread() throws Exception {
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            PortForward forward = connector.forward("h1", sshd.root(), "127.0.0.1", echo.getLocalPort());
            assertThat(roundTrip(forward.localPort(), "first")).isEqualTo("first");
            Socket held = new Socket(InetAddress.getLoopbackAddress(), forward.localPort());
            held.getOutputStream().write('x');
            assertThat(held.getInputStream().read()).isEqualTo('x');

            forward.close();

            assertThat(forwardThreads()).as("listener and both pumps of the held connection ended").isZero();
            assertThat(held.getInputStream().read()).as("the held connection was closed by the forward").isEqualTo(-1);
            held.close();
        }
    }

    @Test
    void worksThroughABastion() throws Exception {
        SshTarget through = sshd.root().withJump(Optional.of(new JumpHost("127.0.0.1", sshd.port, "root",
                Optional.of(sshd.clientKey))));
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts));
             PortForward forward = connector.forward("h1", through, "127.0.0.1", echo.getLocalPort())) {
            assertThat(roundTrip(forward.localPort(), "through the bastion")).isEqualTo("through the bastion");
        }
    }

    @Test
    void openingAndClosingManyTimesLeavesNothingBehind() throws Exception {
        for (int i = 0; i < 10; i++) {
            try (SshConnector connector = new SshConnector(sshd.options(knownHosts));
                 PortForward forward = connector.forward("h1", sshd.root(), "127.0.0.1", echo.getLocalPort())) {
                assertThat(roundTrip(forward.localPort(), "round " + i)).isEqualTo("round " + i);
            }
        }
        assertThat(forwardThreads()).isZero();
    }

    @Test
    void clientsThatConnectAndLeaveAtOnceEndQuietly() throws Exception {
        java.util.List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith(PortForward.THREAD_PREFIX)) {
                uncaught.add(e);
            }
        });
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            PortForward forward = connector.forward("h1", sshd.root(), "127.0.0.1", echo.getLocalPort());
            for (int i = 0; i < 40; i++) {
                new Socket(InetAddress.getLoopbackAddress(), forward.localPort()).close();
            }
            assertThat(roundTrip(forward.localPort(), "still there")).isEqualTo("still there");
            forward.close();
            assertThat(forwardThreads()).isZero();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).as("a connection that ends early is an ordinary end, not an error on some thread").isEmpty();
    }

    @Test
    void aRefusedDestinationClosesTheLocalConnection() throws Exception {
        int closedPort = TestSshd.freePort();
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts));
             PortForward forward = connector.forward("h1", sshd.root(), "127.0.0.1", closedPort);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), forward.localPort())) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
