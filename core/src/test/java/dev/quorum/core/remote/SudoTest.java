package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A login user that is not root: everything must go through {@code sudo -n}. Creates a real
 * user and a sudoers drop-in for the test and removes both afterwards.
 */
class SudoTest {

    private static final String USER = "qrmtest" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    private static final Path DROP_IN = Path.of("/etc/sudoers.d/" + USER); // no dot: sudo would skip it
    private static final Path ROOT_DIR = Path.of("/root/" + USER);

    private static TestSshd sshd;
    private static Path knownHosts;
    private static boolean userCreated;

    @BeforeAll
    static void start() throws Exception {
        TestSshd.assumeRoot();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sudo")), "needs sudo (apt-get install sudo)");
        sshd = TestSshd.start();
        knownHosts = sshd.dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        Local.ok("useradd", "-m", "-s", "/bin/sh", USER);
        userCreated = true;
        // useradd leaves the password "!", which sshd without PAM treats as a locked account.
        Local.ok("usermod", "-p", "*", USER);
    }

    @AfterAll
    static void stop() throws Exception {
        Files.deleteIfExists(DROP_IN);
        if (sshd != null) {
            sshd.close(); // ends the user's sessions, so userdel does not find them busy
        }
        if (userCreated) {
            Local.run("userdel", "-r", USER);
        }
        Local.run("rm", "-rf", ROOT_DIR.toString());
    }

    private SshConnector connector() {
        return new SshConnector(sshd.options(knownHosts));
    }

    @Test
    void withoutSudoRightsTheErrorSaysWhatIsNeeded() throws Exception {
        Files.deleteIfExists(DROP_IN);
        try (SshConnector connector = connector()) {
            RemoteHost host = connector.connect("h1", sshd.target(USER));
            assertThatThrownBy(() -> host.run("id -u"))
                    .isInstanceOf(RemoteException.class)
                    .hasMessageContaining("Passwordless sudo is needed for " + USER + " on h1")
                    .satisfies(e -> assertThat(((RemoteException) e).hint()).contains("NOPASSWD"));
        }
    }

    @Test
    void commandsWritesAndReadsRunAsRoot() throws Exception {
        allowSudo();
        try (SshConnector connector = connector()) {
            RemoteHost host = connector.connect("h1", sshd.target(USER));
            assertThat(host.run("whoami; id -u").stdout()).isEqualTo("root\n0\n");

            Files.createDirectories(ROOT_DIR);
            Files.setPosixFilePermissions(ROOT_DIR, PosixFilePermissions.fromString("rwx------"));
            String target = ROOT_DIR + "/pki/ca.pem";
            host.write("CERT\n".getBytes(StandardCharsets.UTF_8), target, "0644");
            assertThat(Local.ok("stat", "-c", "%a %U", target)).isEqualTo("644 root\n");
            assertThat(host.read(target)).hasValue("CERT\n".getBytes(StandardCharsets.UTF_8));
            assertThat(host.read(ROOT_DIR + "/pki/missing")).isEmpty();

            Path local = sshd.dir.resolve("payload");
            Files.writeString(local, "payload");
            host.upload(local, ROOT_DIR + "/bin/tool", "0750");
            assertThat(Local.ok("stat", "-c", "%a %U", ROOT_DIR + "/bin/tool")).isEqualTo("750 root\n");
        }
    }

    @Test
    void timeoutAlsoKillsSudoCommands() {
        allowSudo();
        try (SshConnector connector = connector()) {
            RemoteHost host = connector.connect("h1", sshd.target(USER));
            assertThatThrownBy(() -> host.run("sleep 61.321", java.time.Duration.ofMillis(500)))
                    .isInstanceOf(CommandTimeoutException.class);
            assertThat(host.run("pgrep -f 'sleep 61[.]321'").exitStatus()).isEqualTo(1);
        }
    }

    private static void allowSudo() {
        try {
            Path tmp = Files.createTempFile(sshd.dir, "sudoers", "");
            Files.writeString(tmp, USER + " ALL=(ALL) NOPASSWD: ALL\n");
            Local.ok("visudo", "-cf", tmp.toString());
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r-----"));
            Files.move(tmp, DROP_IN, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
