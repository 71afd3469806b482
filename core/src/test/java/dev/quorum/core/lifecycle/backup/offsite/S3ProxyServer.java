package dev.quorum.core.lifecycle.backup.offsite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for tests: s3proxy (its jar-with-dependencies, copied to target/s3proxy/ by
 * core's pom) as its own process on 127.0.0.1, with the filesystem backend in a temp folder (a
 * bucket is a folder there) and one access key whose secret is new for every start.
 */
final class S3ProxyServer implements AutoCloseable {
    static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    static final String ACCESS_KEY = "quorum-test-key";
    /** s3proxy on this 2-core machine starts in 5-20 s; a start slower than this is a broken start. */
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI endpoint;
    private final String secret;
    private final Thread stopAtExit;

    private S3ProxyServer(Process process, Path dataDir, Path log, URI endpoint, String secret) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.endpoint = endpoint;
        this.secret = secret;
        this.stopAtExit = new Thread(process::destroyForcibly, "s3proxy-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit); // a test JVM that dies does not leave it running
    }

    static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, InetAddress.getLoopbackAddress());
    }

    /** On {@code address} instead: the lab bridge's address, which the lab's hosts reach. */
    static S3ProxyServer start(Path dir, InetAddress address) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through Maven, whose "
                    + "process-test-resources phase copies org.gaul:s3proxy:jar-with-dependencies there");
        }
        Path data = Files.createDirectories(dir.resolve("s3-data"));
        Path log = dir.resolve("s3proxy.log");
        int port = freePort(address);
        URI endpoint = URI.create("http://" + address.getHostAddress() + ":" + port);
        String secret = "test-secret-" + UUID.randomUUID();
        Path properties = dir.resolve("s3proxy.properties");
        Files.write(properties, List.of(
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + secret,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, data, log, endpoint, secret);
        try {
            server.awaitListening(address, port);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    S3Credentials credentials() {
        return S3Credentials.of(ACCESS_KEY, secret);
    }

    String secret() {
        return secret;
    }

    /** A bucket of the filesystem backend is a folder under its base folder. */
    void createBucket(String name) throws IOException {
        Files.createDirectories(dataDir.resolve(name));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitListening(InetAddress address, int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ":\n" + tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("s3proxy did not listen on " + address.getHostAddress() + ":" + port + " within " + START_LIMIT
                + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static int freeLoopbackPort() throws IOException {
        return freePort(InetAddress.getLoopbackAddress());
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }
}
