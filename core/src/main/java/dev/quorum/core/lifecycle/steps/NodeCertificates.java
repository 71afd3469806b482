package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.certinventory.CertificateIdentities;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateCheck;
import dev.quorum.core.pki.CertificateProfile;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.PemCodec;
import java.util.List;
import java.util.Optional;

/**
 * What a node certificate must be and how one is issued. A node certificate is a client's: it can stay when
 * the cluster CA signed it, it is not near its end, its key matches and it has clientAuth. Its SANs and common
 * name are not checked, so Kubespray's own node certificates are kept at adoption.
 */
final class NodeCertificates {
    private NodeCertificates() {
    }

    /** Kubespray's node certificate for {@code host}, with the CA's key type (RSA for a Kubespray CA). */
    static KubesprayCertificate request(LifecycleSession session, CertificateAuthority ca, String host) {
        List<CertHost> etcdHosts = session.cluster().inventory().etcdMembers().stream()
                .map(m -> CertificateIdentities.of(m.host())).toList();
        KeyAlgorithm algorithm = ca.certificate().getPublicKey().getAlgorithm().equals("RSA")
                ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256;
        return new KubesprayCertificates(etcdHosts, session.settings().certAltNames(),
                session.settings().certAltIps(), algorithm,
                java.time.Duration.ofDays(session.settings().tuning().certificateDays())).node(host); // certificates_duration
    }

    /** What is wrong with a node certificate already on the host; empty when it can stay. */
    static List<String> problems(CertificateAuthority ca, Optional<String> pem, Optional<String> key) {
        if (pem.isEmpty() || key.isEmpty()) {
            return List.of("missing");
        }
        return CertificateCheck.against(ca).check(pem.get(), key.get(), List.of(), List.of(),
                CertificateProfile.CLIENT).problems();
    }

    /** A CA file that holds the cluster CA (alone, or in a bundle during a rotation). */
    static boolean holdsCa(Optional<String> pem, CertificateAuthority ca) {
        try {
            return pem.isPresent() && PemCodec.parseCertificates(pem.get()).contains(ca.certificate());
        } catch (RuntimeException e) { // PkiException included: not PEM is "does not hold it"
            return false;
        }
    }
}
