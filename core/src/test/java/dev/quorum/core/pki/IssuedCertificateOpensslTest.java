package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What openssl, and so etcd's TLS stack, makes of the certificates and keys Quorum writes. */
class IssuedCertificateOpensslTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "CA {0}, leaf {1}")
    @CsvSource({"EC_P256, EC_P256", "EC_P256, RSA_2048", "RSA_2048, RSA_2048", "RSA_2048, EC_P256"})
    void memberCertificateIsAcceptedByOpenssl(KeyAlgorithm caAlgorithm, KeyAlgorithm leafAlgorithm) throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", caAlgorithm);
        IssuedCertificate member = ca.issue(new CertificateRequest("etcd-member-etcd01", CertificateProfile.MEMBER,
                List.of("localhost", "etcd01", "etcd.kube-system"), List.of("198.19.77.11", "127.0.0.1", "fd00::11"),
                Duration.ofDays(365), leafAlgorithm));
        Files.writeString(temp.resolve("member.pem"), member.certificatePem());
        Files.writeString(temp.resolve("member-key.pem"), member.privateKeyPem());

        assertThat(Openssl.ok(temp, "verify", "-CAfile", "pki/ca.pem", "member.pem")).contains("member.pem: OK");
        assertThat(Openssl.ok(temp, "verify", "-CAfile", "pki/ca.pem", "-purpose", "sslserver", "member.pem"))
                .contains("OK");
        assertThat(Openssl.ok(temp, "verify", "-CAfile", "pki/ca.pem", "-purpose", "sslclient", "member.pem"))
                .contains("OK");

        String text = Openssl.ok(temp, "x509", "-in", "member.pem", "-noout", "-text");
        assertThat(text).contains("TLS Web Server Authentication", "TLS Web Client Authentication",
                "Subject: CN = etcd-member-etcd01",
                "DNS:localhost", "DNS:etcd01", "DNS:etcd.kube-system",
                "IP Address:198.19.77.11", "IP Address:127.0.0.1", "IP Address:FD00:0:0:0:0:0:0:11",
                "CA:FALSE", "Digital Signature");

        assertThat(Files.readString(temp.resolve("member-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        Openssl.ok(temp, "pkey", "-in", "member-key.pem", "-noout");
        String certPublicKey = Openssl.ok(temp, "x509", "-in", "member.pem", "-noout", "-pubkey");
        String keyPublicKey = Openssl.ok(temp, "pkey", "-in", "member-key.pem", "-pubout");
        assertThat(certPublicKey).isEqualTo(keyPublicKey);
    }

    @Test
    void ecKeyNamesItsCurveSoOpensslAndNettyCanUseIt() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        Files.writeString(temp.resolve("ca-key-copy.pem"), ca.privateKeyPem());
        IssuedCertificate leaf = ca.issue(new CertificateRequest("c", CertificateProfile.CLIENT, List.of(), List.of(),
                Duration.ofDays(1), KeyAlgorithm.EC_P256));
        Files.writeString(temp.resolve("leaf-key.pem"), leaf.privateKeyPem());

        assertThat(Openssl.ok(temp, "pkey", "-in", "leaf-key.pem", "-noout", "-text")).contains("NIST CURVE: P-256");
        assertThat(Openssl.ok(temp, "pkey", "-in", "pki/ca-key.pem", "-noout", "-text")).contains("NIST CURVE: P-256");
    }

    @Test
    void clientProfileIsClientAuthOnly() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate client = ca.issue(new CertificateRequest("quorum", CertificateProfile.CLIENT, List.of(), List.of(),
                Duration.ofDays(30), KeyAlgorithm.EC_P256));
        Files.writeString(temp.resolve("client.pem"), client.certificatePem());

        String text = Openssl.ok(temp, "x509", "-in", "client.pem", "-noout", "-text");
        assertThat(text).contains("TLS Web Client Authentication").doesNotContain("TLS Web Server Authentication")
                .doesNotContain("Subject Alternative Name");
        assertThat(Openssl.run(temp, "verify", "-CAfile", "pki/ca.pem", "-purpose", "sslserver", "client.pem").exitCode())
                .isNotZero();
    }

    @Test
    void rsaLeafKeepsKeyEnciphermentLikeKubespray() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate admin = ca.issue(new CertificateRequest("etcd-admin-etcd01", CertificateProfile.ADMIN,
                List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(30), KeyAlgorithm.RSA_2048));
        Files.writeString(temp.resolve("admin.pem"), admin.certificatePem());

        assertThat(Openssl.ok(temp, "x509", "-in", "admin.pem", "-noout", "-text"))
                .contains("Digital Signature, Key Encipherment");
    }
}
