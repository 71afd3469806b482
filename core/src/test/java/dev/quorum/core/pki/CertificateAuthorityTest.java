package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    @TempDir
    Path temp;

    @Test
    void createsThenLoadsTheSameCa() throws Exception {
        Path dir = temp.resolve("cluster/pki");
        CertificateAuthority created = CertificateAuthority.loadOrCreate(dir, "etcd-ca", KeyAlgorithm.EC_P256);
        CertificateAuthority again = CertificateAuthority.loadOrCreate(dir, "ignored", KeyAlgorithm.RSA_2048);
        CertificateAuthority loaded = CertificateAuthority.load(dir);

        assertThat(again.certificate()).isEqualTo(created.certificate());
        assertThat(loaded.certificate()).isEqualTo(created.certificate());
        assertThat(loaded.certificatePem()).isEqualTo(Files.readString(dir.resolve("ca.pem")));
        assertThat(loaded.privateKeyPem()).contains("-----BEGIN PRIVATE KEY-----");
        assertThat(created.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=etcd-ca");
    }

    @Test
    void keyFileIsOwnerOnlyAndDirectoryIs0700() throws Exception {
        Path dir = temp.resolve("pki");
        CertificateAuthority.loadOrCreate(dir, "etcd-ca", KeyAlgorithm.EC_P256);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.pem"))))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ca.pem", "ca-key.pem");
        }
    }

    @Test
    void caCertificateHasKubesprayLifetimeAndCaExtensions() throws Exception {
        Instant before = Instant.now();
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.RSA_2048);
        var cert = ca.certificate();

        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(cert.getExtensionValue("2.5.29.14")).as("subject key id").isNotNull();
        assertThat(Duration.between(before, cert.getNotAfter().toInstant()).toDays()).isBetween(36499L, 36500L);
        String text = Openssl.ok(temp, "x509", "-in", "pki/ca.pem", "-noout", "-text");
        assertThat(text).contains("CA:TRUE", "Certificate Sign, CRL Sign", "Subject Key Identifier");
    }

    @Test
    void loadingAMissingCaNamesTheFile() {
        Path dir = temp.resolve("nowhere");
        assertThatThrownBy(() -> CertificateAuthority.load(dir))
                .isInstanceOf(PkiException.class)
                .hasMessage("CA certificate not found: " + dir.resolve("ca.pem"));
    }

    @Test
    void aHalfPresentCaIsRefusedNotOverwritten() throws Exception {
        Path dir = temp.resolve("pki");
        CertificateAuthority.loadOrCreate(dir, "etcd-ca", KeyAlgorithm.EC_P256);
        Files.delete(dir.resolve("ca.pem"));

        assertThatThrownBy(() -> CertificateAuthority.loadOrCreate(dir, "etcd-ca", KeyAlgorithm.EC_P256))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("CA certificate not found");
        assertThat(dir.resolve("ca.pem")).doesNotExist();
    }

    @Test
    void corruptOrMismatchedFilesGiveAClearMessage() throws Exception {
        Path dir = temp.resolve("pki");
        CertificateAuthority.loadOrCreate(dir, "etcd-ca", KeyAlgorithm.EC_P256);
        Path other = temp.resolve("other");
        CertificateAuthority.loadOrCreate(other, "etcd-ca", KeyAlgorithm.EC_P256);

        Files.copy(other.resolve("ca-key.pem"), dir.resolve("ca-key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> CertificateAuthority.load(dir))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("the CA in " + dir + " is unusable")
                .hasMessageContaining("private key does not match");

        Files.writeString(dir.resolve("ca.pem"), "garbage");
        assertThatThrownBy(() -> CertificateAuthority.load(dir))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("no PEM certificate found");
    }

    @Test
    void signedTellsItsOwnCertificatesFromAnotherCas() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp.resolve("a"), "etcd-ca", KeyAlgorithm.EC_P256);
        // Same subject name on purpose: only the signature can tell them apart.
        CertificateAuthority impostor = CertificateAuthority.loadOrCreate(temp.resolve("b"), "etcd-ca", KeyAlgorithm.EC_P256);
        var request = new CertificateRequest("etcd-member-a", CertificateProfile.MEMBER, List.of("a"), List.of(),
                Duration.ofDays(1), KeyAlgorithm.EC_P256);

        assertThat(ca.signed(ca.issue(request).certificate())).isTrue();
        assertThat(ca.signed(impostor.issue(request).certificate())).isFalse();
        assertThat(ca.signed(impostor.certificate())).isFalse();
    }
}
