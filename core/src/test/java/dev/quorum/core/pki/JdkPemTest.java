package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The JDK-only reading takes what Quorum writes, and leaves every other form to BouncyCastle's parser. */
class JdkPemTest {
    private static final Instant NOW = Instant.now();

    private static X509Certificate ca(KeyPair keys, String name) {
        return CertificateBuilder.selfSignedCa(keys, name, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS));
    }

    @Test
    void readsTheKeysQuorumWritesAsTheSameKeys() throws Exception {
        for (KeyPair keys : new KeyPair[] {KeyAlgorithm.EC_P256.generate(), rsa(), ed25519()}) {
            String pem = PemCodec.write(keys.getPrivate());
            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");

            var read = JdkPem.pkcs8Key(pem);

            assertThat(read).as(keys.getPrivate().getAlgorithm()).isPresent();
            assertThat(read.get().getAlgorithm()).isEqualTo(keys.getPrivate().getAlgorithm());
            assertThat(read.get().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        }
    }

    @Test
    void readsAChainInItsOrder() {
        X509Certificate first = ca(KeyAlgorithm.EC_P256.generate(), "first");
        X509Certificate second = ca(KeyAlgorithm.EC_P256.generate(), "second");

        var read = JdkPem.certificates(PemCodec.write(first) + PemCodec.write(second));

        assertThat(read).isPresent();
        assertThat(read.get()).containsExactly(first, second);
    }

    @Test
    void leavesMixedBlocksHeadersAndOtherFormsToBouncyCastle() {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        String certificate = PemCodec.write(ca(keys, "ca"));
        String key = PemCodec.write(keys.getPrivate());

        assertThat(JdkPem.certificates(certificate + key)).isEmpty();
        assertThat(JdkPem.pkcs8Key(certificate + key)).isEmpty();
        assertThat(JdkPem.pkcs8Key(key + key)).isEmpty();
        assertThat(JdkPem.pkcs8Key(key.replace("PRIVATE KEY", "EC PRIVATE KEY"))).isEmpty();
        assertThat(JdkPem.certificates(certificate.replace("-----\n", "-----\nProc-Type: 4,ENCRYPTED\n\n"))).isEmpty();
        assertThat(JdkPem.certificates("no PEM here")).isEmpty();
        // and PemCodec reads (or refuses) the mixed text through BouncyCastle, as before
        assertThat(PemCodec.parseCertificates(certificate + key)).hasSize(1);
        assertThat(PemCodec.parsePrivateKey(key + certificate).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThatThrownBy(() -> PemCodec.parsePrivateKey(certificate + key))
                .hasMessage("expected a private key, found a certificate");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
