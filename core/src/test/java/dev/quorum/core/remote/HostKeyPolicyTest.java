package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts handling, authentication and reachability against a real sshd. */
class HostKeyPolicyTest {

    private static TestSshd sshd;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start();
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private void connectAndRun(SshOptions options) {
        try (SshConnector connector = new SshConnector(options)) {
            assertThat(connector.connect("h1", sshd.root()).run("echo ok").stdout()).isEqualTo("ok\n");
        }
    }

    private RemoteException connectFailure(SshOptions options, SshTarget target) {
        try (SshConnector connector = new SshConnector(options)) {
            connector.connect("h1", target);
        } catch (RemoteException e) {
            return e;
        }
        throw new AssertionError("connect should have failed");
    }

    @Test
    void acceptsBracketedHostPortEntry() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "# mine\n" + sshd.knownHostsLine() + "\n");
        connectAndRun(sshd.options(knownHosts));
    }

    @Test
    void acceptsEntryInAPatternList() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "other.example,etcd-1," + sshd.knownHostsLine() + "\n");
        connectAndRun(sshd.options(knownHosts));
    }

    @Test
    void acceptsHashedEntry() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        Local.ok("ssh-keygen", "-H", "-f", knownHosts.toString());
        assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");
        connectAndRun(sshd.options(knownHosts));
    }

    @Test
    void refusesARevokedHostKeyThatAnotherLineAccepts() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        String key = sshd.knownHostsLine().substring(sshd.knownHostsLine().indexOf(' ') + 1);
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n@revoked * " + key + "\n");

        RemoteException e = connectFailure(sshd.options(knownHosts), sshd.root());

        assertThat(e).isInstanceOf(RevokedHostKeyException.class)
                .hasMessageContaining("h1")
                .hasMessageContaining(sshd.fingerprint())
                .hasMessageContaining("@revoked at line 2");
    }

    @Test
    void bareAddressEntryDoesNotCoverAnotherPort() throws Exception {
        // OpenSSH keys non-22 ports as [host]:port; "127.0.0.1 key" vouches for port 22 only.
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine().replace("[127.0.0.1]:" + sshd.port, "127.0.0.1") + "\n");
        assertThat(connectFailure(sshd.options(knownHosts), sshd.root())).isInstanceOf(UnknownHostKeyException.class);
    }

    @Test
    void refusesUnknownHostWithFingerprintAndAdvice() {
        Path knownHosts = tmp.resolve("none");
        RemoteException e = connectFailure(sshd.options(knownHosts), sshd.root());
        assertThat(e).isInstanceOf(UnknownHostKeyException.class)
                .hasMessageContaining("h1")
                .hasMessageContaining("[127.0.0.1]:" + sshd.port)
                .hasMessageContaining("ssh-ed25519")
                .hasMessageContaining(sshd.fingerprint());
        assertThat(e.hint()).contains("--accept-new-host-keys").contains("ssh-keyscan");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void acceptNewRecordsTheKeyThenItIsKnown() throws Exception {
        Path knownHosts = tmp.resolve("home/.ssh/known_hosts");
        connectAndRun(sshd.options(knownHosts).withAcceptNewHostKeys(true));
        assertThat(Files.readString(knownHosts)).isEqualTo(sshd.knownHostsLine() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.getParent()))).isEqualTo("rwx------");
        connectAndRun(sshd.options(knownHosts)); // now without accept-new
        assertThat(Files.readAllLines(knownHosts)).hasSize(1); // not appended twice
    }

    @Test
    void parallelFirstConnectsRecordTheKeyOnce() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts).withAcceptNewHostKeys(true))) {
            // Four inventory names on one address, as FanOut would connect them during a run.
            java.util.Map<String, Outcome<String>> outcomes = FanOut.forEach(java.util.List.of("a", "b", "c", "d"), 4,
                    name -> connector.connect(name, sshd.root()).run("echo " + name).stdout().strip());
            assertThat(outcomes.values()).extracting(Outcome::value).containsExactly("a", "b", "c", "d");
        }
        assertThat(Files.readAllLines(knownHosts)).containsExactly(sshd.knownHostsLine());
    }

    @Test
    void acceptNewAppendsOnANewLineEvenIfTheFileLacksOne() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "# no newline at the end");
        connectAndRun(sshd.options(knownHosts).withAcceptNewHostKeys(true));
        assertThat(Files.readAllLines(knownHosts)).containsExactly("# no newline at the end", sshd.knownHostsLine());
    }

    @Test
    void changedKeyIsRefusedEvenWithAcceptNew() throws Exception {
        Path otherKey = TestSshd.newKey(tmp, "impostor");
        String[] pub = Files.readString(Path.of(otherKey + ".pub")).split("\\s+");
        Path knownHosts = tmp.resolve("known_hosts");
        String content = "# line 1\nother.example " + pub[0] + " " + pub[1] + "\n[127.0.0.1]:" + sshd.port + " "
                + pub[0] + " " + pub[1] + "\n";
        Files.writeString(knownHosts, content);
        RemoteException e = connectFailure(sshd.options(knownHosts).withAcceptNewHostKeys(true), sshd.root());
        assertThat(e).isInstanceOf(ChangedHostKeyException.class)
                .hasMessageContaining("CHANGED")
                .hasMessageContaining(sshd.fingerprint())
                .hasMessageContaining(knownHosts + " lists a different key at line 3");
        assertThat(e.hint()).contains("ssh-keygen -R '[127.0.0.1]:" + sshd.port + "'");
        assertThat(Files.readString(knownHosts)).isEqualTo(content); // untouched
    }

    @Test
    void wrongClientKeyFailsAuthenticationNamingTheKey() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        Path stranger = TestSshd.newKey(tmp, "stranger");
        RemoteException e = connectFailure(sshd.options(knownHosts),
                new SshTarget("127.0.0.1", sshd.port, "root", Optional.of(stranger)));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("root")
                .hasMessageContaining(stranger.toString());
    }

    @Test
    void defaultIdentitiesAreUsedWhenTheTargetHasNoKey() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        Path stranger = TestSshd.newKey(tmp, "stranger");
        SshOptions options = sshd.options(knownHosts)
                .withIdentityFiles(java.util.List.of(tmp.resolve("absent"), stranger, sshd.clientKey));
        try (SshConnector connector = new SshConnector(options)) {
            SshTarget noKey = new SshTarget("127.0.0.1", sshd.port, "root", Optional.empty());
            assertThat(connector.connect("h1", noKey).run("echo ok").stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void missingPrivateKeyFileIsNamed() {
        Path missing = tmp.resolve("no-such-key");
        RemoteException e = connectFailure(sshd.options(tmp.resolve("kh")),
                new SshTarget("127.0.0.1", sshd.port, "root", Optional.of(missing)));
        assertThat(e).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int closed = TestSshd.freePort();
        RemoteException e = connectFailure(sshd.options(tmp.resolve("kh")),
                new SshTarget("127.0.0.1", closed, "root", Optional.of(sshd.clientKey)));
        assertThat(e).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("h1")
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageContaining("ConnectException");
    }
}
