package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA and member certificate made the way Kubespray's make-ssl-etcd.sh makes them (real
 * openssl, traditional RSA keys, its openssl.conf), then handled by Quorum.
 */
class KubesprayAdoptionTest {
    private static final List<CertHost> ETCD = List.of(
            new CertHost("etcd01", "198.19.77.11"), new CertHost("etcd02", "198.19.77.12"),
            new CertHost("etcd03", "198.19.77.13"));
    private static final List<String> ALT_NAMES =
            List.of("etcd.kube-system.svc.cluster.local", "etcd.kube-system.svc", "etcd.kube-system", "etcd");

    @TempDir
    Path ssl;

    @BeforeEach
    void makeSslEtcd() throws Exception {
        try (InputStream conf = getClass().getResourceAsStream("/pki/kubespray-openssl.conf")) {
            Files.copy(conf, ssl.resolve("openssl.conf"));
        }
        Openssl.ok(ssl, "genrsa", "-traditional", "-out", "ca-key.pem", "2048");
        Openssl.ok(ssl, "req", "-x509", "-new", "-nodes", "-key", "ca-key.pem", "-days", "36500", "-out", "ca.pem",
                "-subj", "/CN=etcd-ca");
        Openssl.ok(ssl, "genrsa", "-traditional", "-out", "member-etcd01-key.pem", "2048");
        Openssl.ok(ssl, "req", "-new", "-key", "member-etcd01-key.pem", "-out", "member-etcd01.csr",
                "-subj", "/CN=etcd-member-etcd01", "-config", "openssl.conf");
        Openssl.ok(ssl, "x509", "-req", "-in", "member-etcd01.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-out", "member-etcd01.pem", "-days", "36500", "-extensions", "ssl_client",
                "-extfile", "openssl.conf");
    }

    @Test
    void kubespraysMemberCertificatePassesTheCheckForTheSameLayout() throws Exception {
        CertificateAuthority ca = CertificateAuthority.load(ssl);
        KubesprayCertificate expected = KubesprayCertificates.of(ETCD, ALT_NAMES, List.of()).member("etcd01");

        var result = CertificateCheck.against(ca).check(Files.readString(ssl.resolve(expected.certificateFile())),
                Files.readString(ssl.resolve(expected.keyFile())), expected.request());

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aFourthMemberIsNotCoveredByTheOldCertificates() throws Exception {
        CertificateAuthority ca = CertificateAuthority.load(ssl);
        var grown = KubesprayCertificates.of(
                List.of(ETCD.get(0), ETCD.get(1), ETCD.get(2), new CertHost("etcd04", "198.19.77.14")), ALT_NAMES, List.of());

        var result = CertificateCheck.against(ca).check(Files.readString(ssl.resolve("member-etcd01.pem")),
                Files.readString(ssl.resolve("member-etcd01-key.pem")), grown.member("etcd01").request());

        assertThat(result.problems()).containsExactly("SANs do not cover etcd04", "SANs do not cover 198.19.77.14");
    }

    @Test
    void quorumIssuesFromKubespraysCaAndOpensslVerifiesTheResult() throws Exception {
        CertificateAuthority ca = CertificateAuthority.load(ssl);
        KubesprayCertificate member = KubesprayCertificates.of(ETCD, ALT_NAMES, List.of()).member("etcd02");

        IssuedCertificate issued = ca.issue(member.request());
        Files.writeString(ssl.resolve(member.certificateFile()), issued.certificatePem());

        assertThat(Openssl.ok(ssl, "verify", "-CAfile", "ca.pem", "-purpose", "sslserver", member.certificateFile()))
                .contains(": OK");
        String text = Openssl.ok(ssl, "x509", "-in", member.certificateFile(), "-noout", "-text");
        // The authority key id points at the id openssl gave the CA, so chain builders match them.
        String caKeyId = Openssl.ok(ssl, "x509", "-in", "ca.pem", "-noout", "-ext", "subjectKeyIdentifier")
                .lines().reduce((first, second) -> second).orElseThrow().trim();
        assertThat(text).contains(caKeyId, "Signature Algorithm: sha256WithRSAEncryption");
    }
}
