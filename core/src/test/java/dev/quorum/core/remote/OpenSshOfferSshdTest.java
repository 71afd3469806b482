package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real OpenSSH sshd settles on with Quorum's offer (decision 0065): with its defaults, AES-CTR with
 * encrypt-then-MAC SHA-256, as OpenSSH's own client does; a server that allows only what OpenSSH's client no longer
 * offers (CBC) is refused with what to change, by a login and by a host-key scan alike. Needs root (sshd).
 */
class OpenSshOfferSshdTest {
    @TempDir
    Path dir;

    @Test
    void aStockSshdSettlesOnCounterModeWithEncryptThenMacSha256() throws Exception {
        try (TestSshd sshd = TestSshd.start(List.of("LogLevel DEBUG1"))) {
            assertThat(echo(sshd)).isEqualTo("ok\n");
            // sshd logs each direction's choice once the key exchange is done
            assertThat(sshd.log()).contains("kex: client->server cipher: aes128-ctr MAC: hmac-sha2-256-etm@openssh.com")
                    .contains("kex: server->client cipher: aes128-ctr MAC: hmac-sha2-256-etm@openssh.com")
                    .contains("kex: algorithm: curve25519-sha256");
        }
    }

    @Test
    void aServerThatAllowsOnlyCbcIsRefusedSayingWhatToChange() throws Exception {
        try (TestSshd sshd = TestSshd.start(List.of("Ciphers aes128-cbc"))) {
            assertThatThrownBy(() -> echo(sshd)).isInstanceOf(RemoteException.class)
                    .hasMessageContaining("no SSH algorithms in common")
                    .hasMessageContaining("aes128-cbc")
                    .satisfies(e -> assertThat(((RemoteException) e).hint()).contains("Ciphers").contains("sshd_config"));
        }
    }

    @Test
    void theHostKeyScanSaysTheSameInsteadOfUnreachable() throws Exception {
        try (TestSshd sshd = TestSshd.start(List.of("Ciphers aes128-cbc"))) {
            Path knownHosts = Files.write(dir.resolve("known_hosts"), List.of());
            assertThatThrownBy(() -> new HostKeyScanner(sshd.options(knownHosts)).scan("h1", sshd.root()))
                    .isInstanceOf(RemoteException.class).isNotInstanceOf(HostUnreachableException.class)
                    .hasMessageContaining("no SSH algorithms in common");
        }
    }

    private String echo(TestSshd sshd) throws Exception {
        Path knownHosts = Files.write(dir.resolve("known_hosts"), List.of(sshd.knownHostsLine()));
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            return connector.connect("h1", sshd.root()).run("echo ok").stdout();
        }
    }
}
