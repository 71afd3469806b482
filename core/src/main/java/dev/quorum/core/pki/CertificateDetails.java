package dev.quorum.core.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the certificate inventory shows of one certificate.
 *
 * @param sans        DNS names, then IP addresses, as plain values
 * @param serial      hex, as {@code openssl x509 -serial} prints it
 * @param daysLeft    whole days until notAfter, negative once expired
 * @param keyType     e.g. "RSA 2048", "EC P-256"
 * @param fingerprint SHA-256 of the DER encoding, colon-separated upper-case hex like openssl's
 */
public record CertificateDetails(String subject, List<String> sans, String issuer, String serial,
                                 Instant notBefore, Instant notAfter, long daysLeft, String keyType,
                                 String fingerprint, boolean certificateAuthority) {
    public CertificateDetails {
        sans = List.copyOf(sans);
    }

    public static CertificateDetails of(X509Certificate certificate, Instant now) {
        CertificateInfo info = CertificateInfo.of(certificate);
        List<String> sans = new ArrayList<>(info.dnsNames());
        sans.addAll(info.ipAddresses());
        Instant notAfter = info.notAfter();
        return new CertificateDetails(info.subject(), sans, info.issuer(),
                info.serialNumber().toString(16).toUpperCase(Locale.ROOT), info.notBefore(), notAfter,
                Math.floorDiv(Duration.between(now, notAfter).toSeconds(), Duration.ofDays(1).toSeconds()),
                keyType(certificate.getPublicKey()), fingerprint(certificate), info.certificateAuthority());
    }

    static String keyType(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return "EC " + switch (bits) {
                case 256 -> "P-256";
                case 384 -> "P-384";
                case 521 -> "P-521";
                default -> bits + "-bit";
            };
        }
        return key.getAlgorithm();
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new PkiException("cannot fingerprint the certificate: " + e.getMessage(), e);
        }
    }
}
