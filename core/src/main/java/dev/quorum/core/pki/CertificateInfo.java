package dev.quorum.core.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What a user wants to see of a certificate, for the certificates view and {@code --plan} output.
 *
 * @param ipAddresses IP SANs in Java's canonical text form (IPv6 uncompressed)
 * @param usages      extended key usages by openssl's short name; unknown ones as their OID
 */
public record CertificateInfo(
        String subject,
        String issuer,
        BigInteger serialNumber,
        Instant notBefore,
        Instant notAfter,
        List<String> dnsNames,
        List<String> ipAddresses,
        List<String> usages,
        String keyAlgorithm,
        boolean certificateAuthority) {

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        usages = List.copyOf(usages);
    }

    public static CertificateInfo of(X509Certificate certificate) {
        SubjectAltNames sans = SubjectAltNames.of(certificate);
        return new CertificateInfo(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                sans.dnsNames(),
                sans.ipAddresses().stream().map(InetAddress::getHostAddress).toList(),
                usages(certificate),
                certificate.getPublicKey().getAlgorithm(),
                certificate.getBasicConstraints() >= 0);
    }

    private static List<String> usages(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            return oids == null ? List.of() : oids.stream().map(CertificateInfo::usageName).toList();
        } catch (CertificateParsingException e) {
            throw new PkiException("unreadable extended key usage: " + e.getMessage(), e);
        }
    }

    private static String usageName(String oid) {
        return Arrays.stream(CertificateProfile.TlsUsage.values())
                .filter(usage -> usage.oid().equals(oid))
                .map(CertificateProfile.TlsUsage::shortName)
                .findFirst()
                .orElse(oid);
    }
}
