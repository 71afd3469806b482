package dev.quorum.core.remote;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * A real OpenSSH server on 127.0.0.1 and a random port, with its own host key and one
 * authorised client key, all in a temporary directory. Needs root (sshd drops privileges).
 */
final class TestSshd implements AutoCloseable {

    static {
        // Logback's default is DEBUG for everything; sshj's protocol chatter would drown the output.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.quorum")).setLevel(Level.DEBUG);
    }

    final Path dir;
    final int port;
    final Path hostKeyPub;
    final Path clientKey;
    private final Process process;

    private TestSshd(Path dir, int port, Path hostKeyPub, Path clientKey, Process process) {
        this.dir = dir;
        this.port = port;
        this.hostKeyPub = hostKeyPub;
        this.clientKey = clientKey;
        this.process = process;
    }

    static void assumeRoot() {
        Assumptions.assumeTrue(Local.isRoot(), "needs root to run sshd");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "needs /usr/sbin/sshd (openssh-server)");
    }

    static TestSshd start() throws IOException {
        return start(List.of());
    }

    /** @param extraConfig more sshd_config lines (more HostKey lines, algorithm lists, a LogLevel), after the usual ones */
    static TestSshd start(List<String> extraConfig) throws IOException {
        assumeRoot();
        Path dir = Files.createTempDirectory("quorum-sshd");
        // Traversable by the unprivileged test user, whose login reads authorized_keys here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path hostKey = newKey(dir, "hostkey");
        Path clientKey = newKey(dir, "client");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(Path.of("/run/sshd"));
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "StrictModes no",
                // No PAM: its session modules (loginuid, motd) are not what these tests check.
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "PrintMotd no",
                String.join("\n", extraConfig),
                // after the extra lines: sshd takes a keyword's first value, so a test may ask for more
                "LogLevel ERROR",
                ""));
        Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        TestSshd sshd = new TestSshd(dir, port, Path.of(hostKey + ".pub"), clientKey, process);
        try {
            sshd.awaitPort();
        } catch (RuntimeException e) {
            sshd.close();
            throw e;
        }
        return sshd;
    }

    /** A new ed25519 key pair without passphrase; returns the private key path. */
    static Path newKey(Path dir, String name) {
        Path key = dir.resolve(name);
        Local.ok("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    SshTarget target(String user) {
        return new SshTarget("127.0.0.1", port, user, Optional.of(clientKey));
    }

    SshTarget root() {
        return target("root");
    }

    /** The known_hosts line OpenSSH would write for this server. */
    String knownHostsLine() throws IOException {
        String[] pub = Files.readString(hostKeyPub).strip().split("\\s+");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    /** What {@code ssh-keygen -lf} says the host key's fingerprint is. */
    String fingerprint() {
        return Local.ok("ssh-keygen", "-lf", hostKeyPub.toString()).split("\\s+")[1];
    }

    /** No default identities and no agent: a test sees only the keys it names, whatever the user has. */
    SshOptions options(Path knownHosts) {
        return SshOptions.defaults().withKnownHostsFile(knownHosts).withIdentityFiles(List.of())
                .withAgentSocket(Optional.empty());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private void awaitPort() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        throw new IllegalStateException("sshd did not listen on " + port + " within 5 s: " + log());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        // Per-connection sshd children outlive the listener; end them too, by their ids.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Local.run("rm", "-rf", dir.toString());
    }
}
