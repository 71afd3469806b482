package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @revoked} lines in known_hosts, checked by the policy itself (no server needed). */
class RevokedHostKeyTest {
    @TempDir
    Path tmp;

    private static PublicKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    private static String line(String prefix, PublicKey key) {
        return prefix + " " + HostKey.of(key).toKnownHostsKey();
    }

    @Test
    void aRevokedKeyIsRefusedEvenThoughAnotherLineAcceptsIt() throws Exception {
        PublicKey key = newKey();
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                line("10.0.0.1", key) + "\n# retired after the break-in\n" + line("@revoked 10.0.0.1", key) + "\n");
        KnownHostsPolicy policy = new KnownHostsPolicy("etcd1", new KnownHostsFile(knownHosts), false);

        assertThat(policy.verify("10.0.0.1", 22, key)).isFalse();

        assertThat(policy.rejection()).hasValueSatisfying(e -> {
            assertThat(e).isInstanceOf(RevokedHostKeyException.class)
                    .hasMessageContaining("etcd1")
                    .hasMessageContaining(HostKey.of(key).fingerprint())
                    .hasMessageContaining("REVOKED")
                    .hasMessageContaining(knownHosts + " marks it @revoked at line 3");
            assertThat(e.hint()).contains("new host key");
        });
    }

    @Test
    void aRevokedKeyIsRefusedOnEveryHostAndNeverRecordedByAcceptNew() throws Exception {
        PublicKey key = newKey();
        // Revoked under another host's name (or a mistyped pattern): still the same compromised key.
        String text = line("@revoked old-name.example", key) + "\n";
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), text);
        KnownHostsPolicy policy = new KnownHostsPolicy("etcd2", new KnownHostsFile(knownHosts), true);

        assertThat(policy.verify("10.0.0.2", 2222, key)).isFalse();

        assertThat(policy.rejection()).containsInstanceOf(RevokedHostKeyException.class);
        assertThat(Files.readString(knownHosts)).isEqualTo(text);
    }

    @Test
    void otherKeysAreJudgedAsBeforeAndRevokedLinesVouchForNothing() throws Exception {
        PublicKey good = newKey();
        PublicKey revoked = newKey();
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                line("@revoked *", revoked) + "\n" + line("10.0.0.3", good) + "\n");
        KnownHostsFile file = new KnownHostsFile(knownHosts);

        KnownHostsPolicy accepted = new KnownHostsPolicy("etcd3", file, false);
        assertThat(accepted.verify("10.0.0.3", 22, good)).isTrue();
        assertThat(accepted.rejection()).isEmpty();

        // A host named only by the @revoked line is unknown, not known: that line lists no key for it.
        KnownHostsPolicy unknown = new KnownHostsPolicy("etcd4", file, false);
        assertThat(unknown.verify("10.0.0.4", 22, good)).isFalse();
        assertThat(unknown.rejection()).containsInstanceOf(UnknownHostKeyException.class);
    }
}
