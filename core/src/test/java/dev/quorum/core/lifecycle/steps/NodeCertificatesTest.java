package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateProfile;
import dev.quorum.core.pki.CertificateRequest;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a node certificate already on a Kubernetes host stays: a client's needs only, so Kubespray's are kept. */
class NodeCertificatesTest {
    @TempDir
    Path dir;

    private static CertificateRequest node(String cn, List<String> dns, Duration validity) {
        return new CertificateRequest(cn, CertificateProfile.NODE, dns, List.of("10.0.0.9"), validity,
                KeyAlgorithm.RSA_2048);
    }

    @Test
    void aKubesprayNodeCertificateWithOtherSansAndCnStays() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"), "etcd-ca", KeyAlgorithm.RSA_2048);
        IssuedCertificate kubespray = ca.issue(node("etcd-node-cp1", List.of("old-etcd-host"), Duration.ofDays(36500)));

        assertThat(NodeCertificates.problems(ca, Optional.of(kubespray.certificatePem()),
                Optional.of(kubespray.privateKeyPem()))).isEmpty();
    }

    @Test
    void anotherCasAMissingKeyAMismatchedKeyOrOneNearItsEndIsIssuedAgain() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"), "etcd-ca", KeyAlgorithm.EC_P256);
        CertificateAuthority other = CertificateAuthority.loadOrCreate(dir.resolve("other"), "x", KeyAlgorithm.EC_P256);
        IssuedCertificate foreign = other.issue(node("etcd-node-cp1", List.of(), Duration.ofDays(365)));
        IssuedCertificate good = ca.issue(node("etcd-node-cp1", List.of(), Duration.ofDays(365)));
        IssuedCertificate ending = ca.issue(node("etcd-node-cp1", List.of(), Duration.ofDays(10)));

        assertThat(NodeCertificates.problems(ca, Optional.of(foreign.certificatePem()),
                Optional.of(foreign.privateKeyPem()))).anySatisfy(p -> assertThat(p).contains("not signed by this CA"));
        assertThat(NodeCertificates.problems(ca, Optional.of(good.certificatePem()), Optional.empty()))
                .containsExactly("missing");
        assertThat(NodeCertificates.problems(ca, Optional.of(good.certificatePem()),
                Optional.of(ending.privateKeyPem()))).anySatisfy(p -> assertThat(p).contains("does not match"));
        assertThat(NodeCertificates.problems(ca, Optional.of(ending.certificatePem()),
                Optional.of(ending.privateKeyPem()))).anySatisfy(p -> assertThat(p).contains("renewal margin"));
    }

    @Test
    void aCaFileHoldsTheClusterCaAloneOrInABundle() {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"), "etcd-ca", KeyAlgorithm.EC_P256);
        CertificateAuthority next = CertificateAuthority.loadOrCreate(dir.resolve("next"), "etcd-ca-2", KeyAlgorithm.EC_P256);

        assertThat(NodeCertificates.holdsCa(Optional.of(ca.certificatePem()), ca)).isTrue();
        assertThat(NodeCertificates.holdsCa(Optional.of(next.certificatePem() + ca.certificatePem()), ca)).isTrue();
        assertThat(NodeCertificates.holdsCa(Optional.of(next.certificatePem()), ca)).isFalse();
        assertThat(NodeCertificates.holdsCa(Optional.of("not a certificate"), ca)).isFalse();
        assertThat(NodeCertificates.holdsCa(Optional.empty(), ca)).isFalse();
    }
}
