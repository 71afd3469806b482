package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and certificates as openssl (and so Kubespray) writes them. */
class PemCodecTest {
    @TempDir
    Path temp;

    @Test
    void readsTraditionalRsaKeyAsKubesprayWritesIt() throws Exception {
        Openssl.ok(temp, "genrsa", "-traditional", "-out", "rsa.pem", "2048");
        String pem = Files.readString(temp.resolve("rsa.pem"));
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        PrivateKey key = PemCodec.parsePrivateKey(pem);

        assertThat(key).isInstanceOf(RSAPrivateKey.class);
        assertThat(((RSAPrivateKey) key).getModulus().bitLength()).isEqualTo(2048);
        assertSamePublicKey("rsa.pem", PemCodec.write(key));
    }

    @Test
    void readsSec1EcKeyFromEcparamGenkeyIncludingItsParametersBlock() throws Exception {
        Openssl.ok(temp, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.pem");
        String pem = Files.readString(temp.resolve("ec.pem"));
        assertThat(pem).contains("-----BEGIN EC PARAMETERS-----", "-----BEGIN EC PRIVATE KEY-----");

        PrivateKey key = PemCodec.parsePrivateKey(pem);

        assertThat(key).isInstanceOf(ECPrivateKey.class);
        assertSamePublicKey("ec.pem", PemCodec.write(key));
    }

    @Test
    void readsPkcs8AsOpenssl3WritesByDefault() throws Exception {
        Openssl.ok(temp, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p8.pem");
        PrivateKey key = PemCodec.parsePrivateKey(Files.readString(temp.resolve("p8.pem")));
        assertSamePublicKey("p8.pem", PemCodec.write(key));
    }

    @Test
    void refusesEncryptedAndMissingKeysWithAReason() throws Exception {
        Openssl.ok(temp, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-aes256", "-pass", "pass:secret", "-out", "enc.pem");
        assertThatThrownBy(() -> PemCodec.parsePrivateKey(Files.readString(temp.resolve("enc.pem"))))
                .isInstanceOf(PkiException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PemCodec.parsePrivateKey("hello"))
                .isInstanceOf(PkiException.class).hasMessage("no PEM private key found");

        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> PemCodec.parsePrivateKey(ca.certificatePem()))
                .isInstanceOf(PkiException.class).hasMessage("expected a private key, found a certificate");
    }

    @Test
    void readsAChainInOrder() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate leaf = ca.issue(new CertificateRequest("leaf", CertificateProfile.CLIENT, List.of(), List.of(),
                Duration.ofDays(1), KeyAlgorithm.EC_P256));

        var chain = PemCodec.parseCertificates(leaf.certificatePem() + ca.certificatePem());

        assertThat(chain).containsExactly(leaf.certificate(), ca.certificate());
        assertThat(PemCodec.parseCertificate(leaf.certificatePem() + ca.certificatePem())).isEqualTo(leaf.certificate());
        assertThat(PemCodec.parseCertificate(PemCodec.write(leaf.certificate()))).isEqualTo(leaf.certificate());
    }

    private void assertSamePublicKey(String opensslKeyFile, String rewrittenPem) throws Exception {
        Files.writeString(temp.resolve("rewritten.pem"), rewrittenPem);
        assertThat(rewrittenPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Openssl.ok(temp, "pkey", "-in", "rewritten.pem", "-pubout"))
                .isEqualTo(Openssl.ok(temp, "pkey", "-in", opensslKeyFile, "-pubout"));
    }
}
