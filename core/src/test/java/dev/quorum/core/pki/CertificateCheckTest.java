package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCheckTest {
    private static final List<String> DNS = List.of("localhost", "etcd01", "etcd02", "etcd03");
    private static final List<String> IPS = List.of("198.19.77.11", "198.19.77.12", "198.19.77.13", "127.0.0.1");

    @TempDir
    Path temp;
    private CertificateAuthority ca;
    private CertificateCheck check;

    @BeforeEach
    void createCa() {
        ca = CertificateAuthority.loadOrCreate(temp.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        check = CertificateCheck.against(ca);
    }

    private static CertificateRequest member(CertificateProfile profile, List<String> ips) {
        return new CertificateRequest("etcd-member-etcd01", profile, DNS, ips, Duration.ofDays(365), KeyAlgorithm.EC_P256);
    }

    private List<String> problems(IssuedCertificate cert) {
        return check.check(cert.certificatePem(), cert.privateKeyPem(), DNS, IPS, CertificateProfile.MEMBER).problems();
    }

    @Test
    void aFreshCorrectCertificateHasNoProblems() {
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, IPS));

        assertThat(problems(cert)).isEmpty();
        assertThat(check.check(cert.certificatePem(), cert.privateKeyPem(), member(CertificateProfile.MEMBER, IPS)).ok())
                .isTrue();
    }

    @Test
    void flagsACertificateFromAnotherCa() {
        CertificateAuthority other = CertificateAuthority.loadOrCreate(temp.resolve("other"), "etcd-ca", KeyAlgorithm.EC_P256);

        assertThat(problems(other.issue(member(CertificateProfile.MEMBER, IPS))))
                .containsExactly("not signed by this CA (issuer CN=etcd-ca)");
    }

    @Test
    void namesEachMissingSan() {
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, List.of("198.19.77.11", "127.0.0.1")));

        assertThat(problems(cert)).containsExactly("SANs do not cover 198.19.77.12", "SANs do not cover 198.19.77.13");
        assertThat(check.check(cert.certificatePem(), cert.privateKeyPem(), List.of("etcd04"), List.of(),
                CertificateProfile.MEMBER).problems()).containsExactly("SANs do not cover etcd04");
    }

    @Test
    void ipv6SansCompareAsAddressesNotText() {
        IssuedCertificate cert = ca.issue(new CertificateRequest("m", CertificateProfile.MEMBER, List.of(),
                List.of("fd00::11"), Duration.ofDays(365), KeyAlgorithm.EC_P256));

        assertThat(check.check(cert.certificatePem(), cert.privateKeyPem(), List.of(), List.of("fd00:0:0:0:0:0:0:11"),
                CertificateProfile.MEMBER).problems()).isEmpty();
    }

    @Test
    void flagsACertificateExpiringWithinTheMargin() {
        Instant now = Instant.now();
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, IPS), now.minus(Duration.ofDays(364)),
                now.plus(Duration.ofDays(1)));

        assertThat(problems(cert)).singleElement().asString()
                .startsWith("expires on ").endsWith(", within the 30-day renewal margin");
        assertThat(CertificateCheck.against(ca, Duration.ofHours(1))
                .check(cert.certificatePem(), cert.privateKeyPem(), DNS, IPS, CertificateProfile.MEMBER).ok()).isTrue();
    }

    @Test
    void flagsAnExpiredCertificate() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, IPS), now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)));
        var atNow = new CertificateCheck(ca.certificate(), Duration.ofDays(30), Clock.fixed(now, java.time.ZoneOffset.UTC));

        assertThat(atNow.check(cert.certificatePem(), cert.privateKeyPem(), DNS, IPS, CertificateProfile.MEMBER).problems())
                .containsExactly("expired on 2026-02-28T12:00:00Z");
    }

    @Test
    void flagsACertificateNotYetValid() {
        Instant now = Instant.now();
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, IPS), now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));

        assertThat(problems(cert)).singleElement().asString().startsWith("not valid before ");
    }

    @Test
    void flagsAKeyThatBelongsToAnotherCertificate() {
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, IPS));
        IssuedCertificate other = ca.issue(member(CertificateProfile.MEMBER, IPS));
        IssuedCertificate rsa = ca.issue(new CertificateRequest("r", CertificateProfile.MEMBER, DNS, IPS,
                Duration.ofDays(365), KeyAlgorithm.RSA_2048));

        assertThat(check.check(cert.certificatePem(), other.privateKeyPem(), DNS, IPS, CertificateProfile.MEMBER).problems())
                .containsExactly("private key does not match the certificate");
        assertThat(check.check(cert.certificatePem(), rsa.privateKeyPem(), DNS, IPS, CertificateProfile.MEMBER).problems())
                .containsExactly("private key does not match the certificate");
    }

    @Test
    void flagsAMissingServerAuthUsage() {
        IssuedCertificate client = ca.issue(member(CertificateProfile.CLIENT, IPS));

        assertThat(problems(client)).containsExactly("lacks serverAuth extended key usage");
        assertThat(check.check(client.certificatePem(), client.privateKeyPem(), DNS, IPS, CertificateProfile.CLIENT).ok())
                .isTrue();
    }

    @Test
    void reportsEveryProblemAtOnceAndUnreadableInput() {
        CertificateAuthority other = CertificateAuthority.loadOrCreate(temp.resolve("other"), "other-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate cert = other.issue(member(CertificateProfile.CLIENT, List.of("127.0.0.1")));

        assertThat(check.check(cert.certificatePem(), "not a key", DNS, IPS, CertificateProfile.MEMBER).problems())
                .containsExactly("not signed by this CA (issuer CN=other-ca)",
                        "SANs do not cover 198.19.77.11", "SANs do not cover 198.19.77.12", "SANs do not cover 198.19.77.13",
                        "private key unreadable: no PEM private key found",
                        "lacks serverAuth extended key usage");
        assertThat(check.check("", "", DNS, IPS, CertificateProfile.MEMBER).problems())
                .containsExactly("certificate unreadable: no PEM certificate found");
    }

    @Test
    void checkAgainstARequestAlsoComparesTheCommonName() {
        IssuedCertificate cert = ca.issue(member(CertificateProfile.MEMBER, IPS));
        var expected = new CertificateRequest("etcd-member-etcd02", CertificateProfile.MEMBER, DNS, IPS,
                Duration.ofDays(365), KeyAlgorithm.EC_P256);

        assertThat(check.check(cert.certificatePem(), cert.privateKeyPem(), expected).problems())
                .containsExactly("common name is etcd-member-etcd01, expected etcd-member-etcd02");
    }
}
