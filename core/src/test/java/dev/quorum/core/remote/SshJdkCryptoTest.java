package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.SecurityUtils;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sshj on the JDK's providers, without BouncyCastle's (decision 0055), against a real OpenSSH sshd: every client key
 * form Quorum loads, every host key type, and key exchanges, ciphers and MACs OpenSSH offers. Needs root.
 */
class SshJdkCryptoTest {
    @TempDir
    Path keys;

    @ParameterizedTest(name = "client key {0} {1}")
    @CsvSource({"ed25519,RFC4716,256", "ecdsa,RFC4716,256", "ecdsa,PEM,384", "ecdsa,PKCS8,521", "rsa,RFC4716,3072",
            "rsa,PEM,2048", "rsa,PKCS8,2048"})
    void logsInWithEachClientKeyForm(String type, String format, int bits) throws Exception {
        Path key = keys.resolve(type + "-" + format);
        // RFC4716 is ssh-keygen's name for its own (OpenSSH) private key format
        Local.ok("ssh-keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-m", format, "-N", "", "-C", "k",
                "-f", key.toString());
        try (TestSshd sshd = TestSshd.start()) {
            Files.writeString(sshd.dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                    StandardOpenOption.APPEND);
            assertThat(run(sshd, List.of(sshd.knownHostsLine()), key)).isEqualTo("ok\n");
        }
        assertThat(SecurityUtils.getSecurityProvider()).as("sshj's provider: the JDK's, not BouncyCastle's").isNull();
    }

    @ParameterizedTest(name = "host key {0}")
    @CsvSource({"ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,3072"}) // ed25519: TestSshd's own, in every test
    void checksEachHostKeyType(String type, int bits) throws Exception {
        Path hostKey = keys.resolve("host-" + type);
        Local.ok("ssh-keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-N", "", "-f", hostKey.toString());
        // known_hosts has only this type, so sshj asks the server for it: a login proves it was checked
        try (TestSshd sshd = TestSshd.start(List.of("HostKey " + hostKey))) {
            String[] pub = Files.readString(Path.of(hostKey + ".pub")).strip().split("\\s+");
            String line = "[127.0.0.1]:" + sshd.port + " " + pub[0] + " " + pub[1];
            assertThat(run(sshd, List.of(line), sshd.clientKey)).isEqualTo("ok\n");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"curve25519-sha256,aes128-ctr,hmac-sha2-256", "curve25519-sha256@libssh.org,aes256-ctr,hmac-sha2-256",
            "ecdh-sha2-nistp256,aes128-gcm@openssh.com,hmac-sha2-256",
            "ecdh-sha2-nistp384,aes256-ctr,hmac-sha2-512-etm@openssh.com",
            "ecdh-sha2-nistp521,aes192-ctr,hmac-sha2-256-etm@openssh.com",
            "diffie-hellman-group14-sha256,aes128-ctr,hmac-sha2-256",
            "diffie-hellman-group-exchange-sha256,aes256-gcm@openssh.com,hmac-sha2-512",
            "diffie-hellman-group16-sha512,aes256-ctr,hmac-sha2-512"})
    void negotiatesEachKeyExchangeAndCipher(String kex, String cipher, String mac) throws Exception {
        try (TestSshd sshd = TestSshd.start(List.of("KexAlgorithms " + kex, "Ciphers " + cipher, "MACs " + mac))) {
            assertThat(run(sshd, List.of(sshd.knownHostsLine()), sshd.clientKey)).isEqualTo("ok\n");
        }
    }

    private String run(TestSshd sshd, List<String> knownHostsLines, Path clientKey) throws Exception {
        Path knownHosts = Files.write(Files.createTempFile(keys, "known_hosts", ""), knownHostsLines);
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            RemoteHost host = connector.connect("h1",
                    new SshTarget("127.0.0.1", sshd.port, "root", Optional.of(clientKey)));
            return host.run("echo ok").stdout();
        }
    }
}
