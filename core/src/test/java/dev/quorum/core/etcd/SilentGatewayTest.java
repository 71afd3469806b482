package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.workspace.QuorumHome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client port that accepts connections and then says nothing (a hung etcd, a proxy holding connections): a read
 * through etcd's JSON gateway fails at its timeout instead of hanging the step that waits on it. Loopback only.
 */
class SilentGatewayTest {
    @TempDir
    Path dir;

    @Test
    void aPortThatAcceptsAndNeverAnswersFailsTheReadAtItsTimeout() throws Exception {
        TlsFiles tls = ClusterPki.open(new QuorumHome(dir), "c1").clientTls();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept()); // accepted, never read, never written
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();

            CompletableFuture<String> status = new MaintenanceGateway(tls, Duration.ofSeconds(1))
                    .status("https://127.0.0.1:" + silent.getLocalPort());

            assertThatThrownBy(() -> status.get(30, TimeUnit.SECONDS)).as("failed, not still waiting")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HttpTimeoutException.class);
            assertThat(held).as("the connection was made: the silence was after it").isNotEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
