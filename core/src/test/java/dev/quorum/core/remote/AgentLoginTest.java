package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins through a real OpenSSH ssh-agent, one per test, against a real sshd. */
class AgentLoginTest {

    private static TestSshd sshd;
    private static Path knownHosts;

    @TempDir
    Path tmp;
    private Path socket;
    private Process agent;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = TestSshd.start();
        knownHosts = sshd.dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void startAgent() throws Exception {
        socket = tmp.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("agent.log").toFile()).start();
        // The socket file appears at bind(), before listen(): only an answer says the agent is up. ssh-add -l says
        // 0 (keys) or 1 (none) once it could ask, 2 while it cannot connect.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(socket) || runSshAdd(Map.of(), "-l").exitCode() == 2) {
            if (!agent.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("ssh-agent did not answer on " + socket + ": "
                        + Files.readString(tmp.resolve("agent.log")));
            }
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(3, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }

    @Test
    void logsInWithAKeyOnlyTheAgentHolds() {
        sshAdd(Map.of(), sshd.clientKey.toString());
        assertThat(connectAndRun(sshd.options(knownHosts).withAgentSocket(Optional.of(socket)))).isEqualTo("hi\n");
    }

    @Test
    void logsInWithAnEcdsaKeyOnlyTheAgentHolds() throws Exception {
        // the agent's list is read with sshj's ECDSA key factory: the JDK's, by way of EcdsaKeyFactoryAlias (0055)
        Path ecdsa = tmp.resolve("ecdsa");
        Local.ok("ssh-keygen", "-q", "-t", "ecdsa", "-b", "384", "-N", "", "-C", "ecdsa", "-f", ecdsa.toString());
        Files.writeString(sshd.dir.resolve("authorized_keys"), Files.readString(Path.of(ecdsa + ".pub")),
                StandardOpenOption.APPEND);
        sshAdd(Map.of(), ecdsa.toString());
        assertThat(connectAndRun(sshd.options(knownHosts).withAgentSocket(Optional.of(socket)))).isEqualTo("hi\n");
    }

    @Test
    void passphraseProtectedDefaultKeyWorksThroughTheAgent() throws Exception {
        Path locked = tmp.resolve("id_ed25519");
        Files.copy(sshd.clientKey, locked);
        // With its .pub beside it, as ssh-keygen leaves it: sshj then reads the public half without the passphrase.
        Files.copy(Path.of(sshd.clientKey + ".pub"), Path.of(locked + ".pub"));
        Local.ok("ssh-keygen", "-q", "-p", "-P", "", "-N", "s3cret", "-f", locked.toString());
        Path askpass = tmp.resolve("askpass");
        Files.writeString(askpass, "#!/bin/sh\necho s3cret\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        sshAdd(Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force"), locked.toString());
        // Quorum cannot open the file (it asks for no passphrase); the agent's copy of the key logs in.
        SshOptions options = sshd.options(knownHosts).withIdentityFiles(List.of(locked))
                .withAgentSocket(Optional.of(socket));
        assertThat(connectAndRun(options)).isEqualTo("hi\n");
    }

    @Test
    void emptyAgentFailureNamesTheAgent() {
        RemoteException e = connectFailure(sshd.options(knownHosts).withAgentSocket(Optional.of(socket)));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ssh-agent at " + socket + " holds no keys");
        assertThat(e.hint()).contains("ssh-add").contains("authorized_keys");
    }

    @Test
    void refusedAgentKeyFailureNamesTheAgent() {
        sshAdd(Map.of(), TestSshd.newKey(tmp, "stranger").toString());
        RemoteException e = connectFailure(sshd.options(knownHosts).withAgentSocket(Optional.of(socket)));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ssh-agent at " + socket + " offered 1 key(s)");
    }

    @Test
    void rsaAgentKeyFailureSaysWhy() throws Exception {
        Path rsa = tmp.resolve("rsa");
        Local.ok("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "rsa", "-f", rsa.toString());
        Files.writeString(sshd.dir.resolve("authorized_keys"), Files.readString(Path.of(rsa + ".pub")),
                StandardOpenOption.APPEND);
        sshAdd(Map.of(), rsa.toString());
        // Authorised, yet refused: this sshd takes no SHA-1 (ssh-rsa) signatures.
        RemoteException e = connectFailure(sshd.options(knownHosts).withAgentSocket(Optional.of(socket)));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("1 of them RSA").hasMessageContaining("SHA-1");
        // The same key from a file works: sshj signs it with rsa-sha2 itself.
        SshOptions fromFile = sshd.options(knownHosts).withIdentityFiles(List.of(rsa));
        assertThat(connectAndRun(fromFile)).isEqualTo("hi\n");
    }

    @Test
    void unreachableAgentLeavesTheKeyFiles() {
        SshOptions noAgent = sshd.options(knownHosts).withAgentSocket(Optional.of(tmp.resolve("gone.sock")));
        assertThat(connectAndRun(noAgent.withIdentityFiles(List.of(sshd.clientKey)))).isEqualTo("hi\n");
        assertThat(connectFailure(noAgent)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ssh-agent at " + tmp.resolve("gone.sock") + " not reachable");
    }

    @Test
    void inventoryKeyIsTheOnlyOneTried() {
        sshAdd(Map.of(), sshd.clientKey.toString());
        Path stranger = TestSshd.newKey(tmp, "stranger");
        RemoteException e = connectFailure(sshd.options(knownHosts).withAgentSocket(Optional.of(socket)),
                new SshTarget("127.0.0.1", sshd.port, "root", Optional.of(stranger)));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(stranger.toString()).hasMessageContaining("ssh-agent not tried");
    }

    private static String connectAndRun(SshOptions options) {
        try (SshConnector connector = new SshConnector(options)) {
            return connector.connect("h1", noKey()).run("echo hi").stdout();
        }
    }

    private static RemoteException connectFailure(SshOptions options) {
        return connectFailure(options, noKey());
    }

    private static RemoteException connectFailure(SshOptions options, SshTarget target) {
        try (SshConnector connector = new SshConnector(options)) {
            connector.connect("h1", target);
        } catch (RemoteException e) {
            return e;
        }
        throw new AssertionError("connect should have failed");
    }

    private static SshTarget noKey() {
        return new SshTarget("127.0.0.1", sshd.port, "root", Optional.empty());
    }

    private void sshAdd(Map<String, String> env, String key) {
        Added added = runSshAdd(env, "-q", key);
        if (added.exitCode() != 0) {
            throw new IllegalStateException("ssh-add " + key + " -> " + added.exitCode() + ": " + added.output());
        }
    }

    private record Added(int exitCode, String output) {
    }

    private Added runSshAdd(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("ssh-add"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        builder.environment().putAll(env);
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ssh-add timed out");
            }
            return new Added(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ssh-add", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
