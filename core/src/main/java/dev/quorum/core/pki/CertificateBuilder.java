package dev.quorum.core.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs X.509 certificates: the CA's own and the leaves it issues. */
final class CertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateBuilder() {
    }

    static X509Certificate selfSignedCa(KeyPair keys, String commonName, Instant notBefore, Instant notAfter) {
        X500Name subject = name(commonName);
        JcaX509ExtensionUtils utils = extensionUtils();
        SubjectKeyIdentifier keyId = utils.createSubjectKeyIdentifier(keys.getPublic());
        try {
            X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, keyId)
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new AuthorityKeyIdentifier(keyId.getKeyIdentifier()));
            return sign(builder, keys.getPrivate());
        } catch (CertIOException e) {
            throw new PkiException("cannot build the CA certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate leaf(X509Certificate caCertificate, PrivateKey caKey, CertificateRequest request,
            PublicKey publicKey, Instant notBefore, Instant notAfter) {
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        JcaX509ExtensionUtils utils = extensionUtils();
        try {
            X509v3CertificateBuilder builder = builder(issuer, name(request.commonName()), publicKey, notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, keyUsage(request.keyAlgorithm()))
                    .addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(request.profile()))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(caCertificate, utils));
            GeneralNames sans = subjectAltNames(request);
            if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            return sign(builder, caKey);
        } catch (CertIOException e) {
            throw new PkiException("cannot build the certificate for " + request.commonName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * RFC 5480 does not allow keyEncipherment for EC keys (they cannot encrypt); RSA keys keep it
     * for the RSA key exchange of older TLS clients, as Kubespray's certificates have it.
     */
    private static KeyUsage keyUsage(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA_2048
                ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                : new KeyUsage(KeyUsage.digitalSignature);
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateProfile profile) {
        return new ExtendedKeyUsage(profile.usages().stream()
                .map(CertificateProfile.TlsUsage::purpose)
                .toArray(KeyPurposeId[]::new));
    }

    private static GeneralNames subjectAltNames(CertificateRequest request) {
        List<GeneralName> names = new ArrayList<>();
        request.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        request.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    // Point at the CA's own key id when it has one (a CA made by openssl may hash differently).
    private static AuthorityKeyIdentifier authorityKeyId(X509Certificate ca, JcaX509ExtensionUtils utils) {
        byte[] extension = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension != null) {
            try {
                byte[] keyId = SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
                        .getKeyIdentifier();
                return new AuthorityKeyIdentifier(keyId);
            } catch (java.io.IOException | IllegalArgumentException e) {
                // Fall through to a key id computed from the CA's public key.
            }
        }
        return new AuthorityKeyIdentifier(utils.createSubjectKeyIdentifier(ca.getPublicKey()).getKeyIdentifier());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
            Instant notBefore, Instant notAfter) {
        // Positive and at most 20 bytes, as RFC 5280 requires; random so reissues never collide.
        BigInteger serial = new BigInteger(159, RANDOM).setBit(0);
        return new JcaX509v3CertificateBuilder(issuer, serial, seconds(notBefore), seconds(notAfter), subject, key);
    }

    /**
     * Signed by the JDK's own providers when they take the key (RSA and the usual curves: every key Quorum makes, and
     * Kubespray's RSA CA), so issuing never registers BouncyCastle's provider (issue 18); BouncyCastle for the rest.
     */
    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(Keys.signatureAlgorithm(signingKey)).build(signingKey)));
        } catch (OperatorCreationException | GeneralSecurityException | RuntimeException jdkRefused) {
            try {
                var signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(signingKey))
                        .setProvider(BouncyCastle.provider())
                        .build(signingKey);
                return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            } catch (OperatorCreationException | GeneralSecurityException e) {
                e.addSuppressed(jdkRefused);
                throw new PkiException("cannot sign the certificate: " + e.getMessage(), e);
            }
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    // X.509 times carry whole seconds; truncating keeps the certificate equal to what we asked for.
    private static Date seconds(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is unavailable for key identifiers", e);
        }
    }
}
