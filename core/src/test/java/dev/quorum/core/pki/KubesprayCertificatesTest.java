package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubesprayCertificatesTest {
    private static final List<CertHost> ETCD = List.of(
            new CertHost("etcd01", "198.19.77.11"),
            new CertHost("etcd02", "198.19.77.12"),
            new CertHost("etcd03.lab.example", "198.19.77.13"));
    private static final List<String> ALT_NAMES =
            List.of("etcd.kube-system.svc.cluster.local", "etcd.kube-system.svc", "etcd.kube-system", "etcd");

    private final KubesprayCertificates certs = KubesprayCertificates.of(ETCD, ALT_NAMES, List.of("198.19.77.100"));

    @Test
    void sansFollowKubespraysOpensslConf() {
        // openssl.conf.j2: DNS localhost, each etcd inventory name, alt names; IP each etcd ip, alt ips, 127.0.0.1.
        assertThat(certs.dnsNames()).containsExactly("localhost", "etcd01", "etcd02", "etcd03.lab.example",
                "etcd.kube-system.svc.cluster.local", "etcd.kube-system.svc", "etcd.kube-system", "etcd");
        assertThat(certs.ipAddresses()).containsExactly(
                "198.19.77.11", "198.19.77.12", "198.19.77.13", "198.19.77.100", "127.0.0.1");
    }

    @Test
    void memberAdminAndNodeShareTheSansButNotTheProfileOrName() {
        KubesprayCertificate member = certs.member("etcd02");
        KubesprayCertificate admin = certs.admin("etcd02");
        KubesprayCertificate node = certs.node("worker01");

        assertThat(member.certificateFile()).isEqualTo("member-etcd02.pem");
        assertThat(member.keyFile()).isEqualTo("member-etcd02-key.pem");
        assertThat(member.request().commonName()).isEqualTo("etcd-member-etcd02");
        assertThat(member.request().profile()).isEqualTo(CertificateProfile.MEMBER);
        assertThat(admin.certificateFile()).isEqualTo("admin-etcd02.pem");
        assertThat(admin.keyFile()).isEqualTo("admin-etcd02-key.pem");
        assertThat(admin.request().commonName()).isEqualTo("etcd-admin-etcd02");
        assertThat(node.certificateFile()).isEqualTo("node-worker01.pem");
        assertThat(node.keyFile()).isEqualTo("node-worker01-key.pem");
        assertThat(node.request().commonName()).isEqualTo("etcd-node-worker01");
        for (KubesprayCertificate cert : List.of(member, admin, node)) {
            assertThat(cert.request().dnsNames()).isEqualTo(certs.dnsNames());
            assertThat(cert.request().ipAddresses()).isEqualTo(certs.ipAddresses());
            assertThat(cert.request().validity()).isEqualTo(Duration.ofDays(36500));
            assertThat(cert.request().keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        }
        assertThat(certs.forEtcdHost("etcd01")).extracting(KubesprayCertificate::certificateFile)
                .containsExactly("member-etcd01.pem", "admin-etcd01.pem");
    }

    @Test
    void fileNamesUseTheFullHostNameButTheCommonNameOnlyItsFirstLabel() {
        // make-ssl-etcd.sh: cn="${host%%.*}"
        KubesprayCertificate member = certs.member("etcd03.lab.example");
        assertThat(member.certificateFile()).isEqualTo("member-etcd03.lab.example.pem");
        assertThat(member.request().commonName()).isEqualTo("etcd-member-etcd03");
    }

    @Test
    void caFilesAreKubespraysNames() {
        assertThat(KubesprayCertificates.CA_CERTIFICATE_FILE).isEqualTo("ca.pem");
        assertThat(KubesprayCertificates.CA_KEY_FILE).isEqualTo("ca-key.pem");
        assertThat(KubesprayCertificates.CA_COMMON_NAME).isEqualTo("etcd-ca");
    }

    @Test
    void duplicateAddressesAppearOnceAndHostNamesAsAddressesBecomeDns() {
        var mixed = KubesprayCertificates.of(
                List.of(new CertHost("a", List.of("198.19.77.11", "10.0.0.11")),
                        new CertHost("b", "b.internal"),
                        new CertHost("c", "fd00::13")),
                List.of(), List.of("198.19.77.11", "fd00:0:0:0:0:0:0:13", "127.0.0.1"));

        assertThat(mixed.dnsNames()).containsExactly("localhost", "a", "b.internal", "b", "c");
        assertThat(mixed.ipAddresses()).containsExactly("198.19.77.11", "10.0.0.11", "fd00::13", "127.0.0.1");
    }

    @Test
    void rsaAndShorterValidityCanBeChosen() {
        var kubesprayLike = new KubesprayCertificates(ETCD, List.of(), List.of(), KeyAlgorithm.RSA_2048, Duration.ofDays(365));
        assertThat(kubesprayLike.member("etcd01").request().keyAlgorithm()).isEqualTo(KeyAlgorithm.RSA_2048);
        assertThat(kubesprayLike.member("etcd01").request().validity()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void memberAndAdminOnlyForEtcdHosts() {
        assertThatThrownBy(() -> certs.member("worker01")).hasMessage("worker01 is not in the etcd group");
        assertThatThrownBy(() -> certs.admin("worker01")).hasMessage("worker01 is not in the etcd group");
        assertThatThrownBy(() -> KubesprayCertificates.of(ETCD, List.of(), List.of("etcd.example")))
                .hasMessageContaining("etcd_cert_alt_ips holds a non-IP value");
    }
}
