package dev.quorum.core.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A freshly issued certificate with its private key. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {
    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public String certificatePem() {
        return PemCodec.write(certificate);
    }

    /** PKCS#8 ({@code PRIVATE KEY}), which etcd, openssl and jetcd/netty all accept. */
    public String privateKeyPem() {
        return PemCodec.write(privateKey);
    }

    // The default would print the key material into logs.
    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
