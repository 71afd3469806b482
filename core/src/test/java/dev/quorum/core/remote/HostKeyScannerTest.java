package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a host key before any login, and trusting exactly the key that was shown. */
class HostKeyScannerTest {
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

    @Test
    void anUnknownKeyIsShownThenTrustedAsShown() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        HostKeyScanner scanner = new HostKeyScanner(sshd.options(knownHosts));

        HostKeyScan first = scanner.scan("h1", sshd.root());

        assertThat(first.verdict()).isEqualTo(HostKeyScan.Verdict.UNKNOWN);
        assertThat(first.key().fingerprint()).isEqualTo(sshd.fingerprint());
        assertThat(knownHosts).doesNotExist();
        first.trust();
        assertThat(Files.readString(knownHosts)).isEqualTo(sshd.knownHostsLine().strip() + "\n");
        assertThat(scanner.scan("h1", sshd.root()).verdict()).isEqualTo(HostKeyScan.Verdict.KNOWN);
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            assertThat(connector.connect("h1", sshd.root()).run("echo ok").stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void anotherKeyForTheHostIsChangedAndCannotBeTrustedHere() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        String[] pub = Files.readString(Path.of(TestSshd.newKey(tmp, "other") + ".pub")).strip().split("\\s+");
        String other = pub[0] + " " + pub[1];
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port + " " + other + "\n");

        HostKeyScan scan = new HostKeyScanner(sshd.options(knownHosts)).scan("h1", sshd.root());

        assertThat(scan.verdict()).isEqualTo(HostKeyScan.Verdict.CHANGED);
        assertThatThrownBy(scan::trust).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(knownHosts)).doesNotContain(scan.key().toKnownHostsKey());
    }

    @Test
    void aRevokedKeyIsShownAsRevokedAndCannotBeTrusted() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        String key = sshd.knownHostsLine().substring(sshd.knownHostsLine().indexOf(' ') + 1);
        String text = "@revoked * " + key + "\n";
        Files.writeString(knownHosts, text);

        HostKeyScan scan = new HostKeyScanner(sshd.options(knownHosts)).scan("h1", sshd.root());

        assertThat(scan.verdict()).isEqualTo(HostKeyScan.Verdict.REVOKED);
        assertThatThrownBy(scan::trust).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(knownHosts)).isEqualTo(text);
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        SshTarget closed = new SshTarget("127.0.0.1", TestSshd.freePort(), "root", java.util.Optional.empty());
        assertThatThrownBy(() -> new HostKeyScanner(sshd.options(tmp.resolve("known_hosts"))).scan("h1", closed))
                .isInstanceOf(HostUnreachableException.class).hasMessageContaining("Cannot reach h1");
    }
}
