package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateInfoTest {
    @TempDir
    Path temp;

    @Test
    void summarisesALeafAndItsCa() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp, "etcd-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate member = ca.issue(new CertificateRequest("etcd-member-etcd01", CertificateProfile.MEMBER,
                List.of("localhost", "etcd01"), List.of("198.19.77.11", "::1"), Duration.ofDays(365), KeyAlgorithm.RSA_2048));

        CertificateInfo info = CertificateInfo.of(member.certificate());

        assertThat(info.subject()).isEqualTo("CN=etcd-member-etcd01");
        assertThat(info.issuer()).isEqualTo("CN=etcd-ca");
        assertThat(info.dnsNames()).containsExactly("localhost", "etcd01");
        assertThat(info.ipAddresses()).containsExactly("198.19.77.11", "0:0:0:0:0:0:0:1");
        assertThat(info.usages()).containsExactly("serverAuth", "clientAuth");
        assertThat(info.keyAlgorithm()).isEqualTo("RSA");
        assertThat(info.certificateAuthority()).isFalse();
        assertThat(Duration.between(Instant.now(), info.notAfter()).toDays()).isBetween(364L, 365L);
        assertThat(CertificateInfo.of(ca.certificate()).certificateAuthority()).isTrue();
    }

    @Test
    void aLeafNeverOutlivesItsCa() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(temp, "etcd-ca", KeyAlgorithm.EC_P256);
        IssuedCertificate leaf = ca.issue(new CertificateRequest("long", CertificateProfile.CLIENT, List.of(), List.of(),
                Duration.ofDays(40000), KeyAlgorithm.EC_P256));

        assertThat(leaf.certificate().getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
    }
}
