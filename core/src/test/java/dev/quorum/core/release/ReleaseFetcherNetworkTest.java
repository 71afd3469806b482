package dev.quorum.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.quorum.core.inventory.EtcdSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a download fails says what failed and where, against servers on 127.0.0.1 only. */
class ReleaseFetcherNetworkTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/stalled", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS); // answers nothing until the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static EtcdSettings settings(URI url) {
        return new EtcdSettings("v9.9.9", url, Optional.empty(), "/var/lib/etcd", "/etc/ssl/etcd/ssl",
                "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64");
    }

    private ReleaseException failure(URI url, Duration timeout) {
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), timeout);
        try {
            fetcher.fetch(settings(url));
        } catch (ReleaseException e) {
            return e;
        }
        throw new AssertionError("fetching " + url + " should have failed");
    }

    @Test
    void anHttpStatusIsNamedWithTheUrl() throws IOException {
        ReleaseException e = failure(url("/missing"), Duration.ofSeconds(5));

        assertThat(e).hasMessage("cannot get the etcd release from " + url("/missing")
                + ": the server answered HTTP status 404");
        assertThat(e.hint()).contains("version and architecture").contains("file:///");
        assertThat(failure(url("/broken"), Duration.ofSeconds(5))).hasMessageEndingWith("HTTP status 503");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files).as("no partial download left").isEmpty();
        }
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/etcd.tar.gz");

        ReleaseException e = failure(url, Duration.ofSeconds(5));

        assertThat(e).hasMessage("cannot get the etcd release from " + url + ": connection refused by 127.0.0.1:"
                + closedPort);
        assertThat(e.getMessage()).doesNotContain("null");
        assertThat(e.hint()).contains("host and port");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        ReleaseException e = failure(url("/stalled"), Duration.ofMillis(300));

        assertThat(e).hasMessage("cannot get the etcd release from " + url("/stalled")
                + ": timed out waiting for 127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void httpsToAServerThatSpeaksNoTlsIsATlsFailure() throws Exception {
        // A plain-text server that answers at once, as a misconfigured port would: no TLS handshake.
        try (ServerSocket plain = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            // Every connection gets the same answer, so none waits in the backlog. This test failed twice (of
            // four full unit runs at load 10-14) with "connecting to ... timed out" after 5 s, then after the
            // client's 10 s connect timeout; alone, even beside CPU hogs, it passed every time and the client
            // opened one connection. The cause is not found yet: a failure now prints every thread's stack.
            Thread answer = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (var socket = plain.accept()) {
                        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(
                                java.nio.charset.StandardCharsets.US_ASCII));
                        socket.getInputStream().readAllBytes();
                    } catch (IOException ignored) {
                        // the client gave up on this connection, or the test closed the server
                    }
                }
            });
            answer.setDaemon(true);
            answer.start();
            URI url = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/etcd.tar.gz");

            // The answer comes at once; the timeout only bounds the test.
            ReleaseException e = failure(url, Duration.ofSeconds(60));

            assertThat(e.getMessage()).as(() -> threads()).startsWith("cannot get the etcd release from " + url
                    + ": TLS failure with 127.0.0.1:" + plain.getLocalPort() + ": ");
            assertThat(e.hint()).contains("certificate");
        }
    }

    @Test
    void anUnknownHostIsNamed() {
        // How Java's HTTP client reports a name it cannot resolve (no DNS is asked here).
        ConnectException thrown = new ConnectException();
        thrown.initCause(new UnresolvedAddressException());

        FetchFailure failure = FetchFailure.of(URI.create("https://releases.example.invalid/etcd.tar.gz"), thrown);

        assertThat(failure.what()).isEqualTo("unknown host releases.example.invalid");
    }

    @Test
    void anUnexpectedErrorWithoutAMessageIsNamedByItsKind() {
        FetchFailure failure = FetchFailure.of(URI.create("https://releases.example/etcd.tar.gz"),
                new java.io.EOFException());

        assertThat(failure.what()).isEqualTo("EOFException");
    }

    @Test
    void aDownloadThatWorksIsStillUsed() throws Exception {
        Path tarball = dir.resolve("etcd.tar.gz");
        try (OutputStream out = Files.newOutputStream(tarball);
             var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                     new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out))) {
            for (String name : List.of("etcd", "etcdctl")) {
                byte[] content = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("etcd-v9.9.9/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        byte[] body = Files.readAllBytes(tarball);
        server.createContext("/etcd.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        EtcdRelease fetched = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5))
                .fetch(settings(url("/etcd.tar.gz")));

        assertThat(fetched.sha256()).isEqualTo(Sha256.of(tarball));
    }

    private static String threads() {
        StringBuilder out = new StringBuilder("threads at the failure:\n");
        Thread.getAllStackTraces().forEach((t, stack) -> {
            out.append(t.getName()).append(' ').append(t.getState()).append('\n');
            for (int i = 0; i < Math.min(12, stack.length); i++) {
                out.append("    ").append(stack[i]).append('\n');
            }
        });
        return out.toString();
    }
}
