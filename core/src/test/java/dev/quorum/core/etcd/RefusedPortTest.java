package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loopback ports only: a call that would wait is ended by the port's refusal, and only by that. */
@Timeout(30)
class RefusedPortTest {

    @Test
    void aCallToAPortThatRefusesFailsWithoutWaitingForTheCall() throws IOException {
        int closed = freePort();
        CompletableFuture<String> neverAnswers = new CompletableFuture<>();

        CompletableFuture<String> answer = RefusedPort.failingFast("https://127.0.0.1:" + closed, neverAnswers);

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConnectException.class)
                .hasMessage("nothing listens on 127.0.0.1:" + closed + " (connection refused)");
        assertThat(RefusedPort.isRefusal(new IllegalStateException(answer.handle((v, e) -> e).join()))).isTrue();
        assertThat(RefusedPort.isRefusal(new ConnectException("Connection refused"))).isFalse();
    }

    @Test
    void aListeningPortLeavesTheCallItsOwnAnswer() throws Exception {
        CompletableFuture<String> answer = behindAListeningPort(call -> call.complete("status"));

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("status");
    }

    @Test
    void theCallsOwnFailureIsPassedOn() throws Exception {
        CompletableFuture<String> answer = behindAListeningPort(
                call -> call.completeExceptionally(new IllegalStateException("etcdserver: leader changed")));

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).cause().hasMessage("etcdserver: leader changed");
    }

    @Test
    void anEndpointWithoutAHostPortLeavesTheCallItsOwnAnswer() throws Exception {
        CompletableFuture<String> call = new CompletableFuture<>();
        CompletableFuture<String> answer = RefusedPort.failingFast("unix:///run/etcd.sock", call);

        call.complete("status");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("status");
    }

    /** A call to a port that lets the knock in (so no refusal ends it), then ended as {@code ends} says. */
    private static CompletableFuture<String> behindAListeningPort(Consumer<CompletableFuture<String>> ends)
            throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> call = new CompletableFuture<>();
            CompletableFuture<String> answer = RefusedPort.failingFast("https://127.0.0.1:" + listening.getLocalPort(),
                    call);
            listening.accept().close();
            ends.accept(call);
            return answer;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
