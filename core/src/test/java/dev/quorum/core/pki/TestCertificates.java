package dev.quorum.core.pki;

import java.security.KeyPair;
import java.time.Instant;

/** Certificates with chosen validity, for tests outside this package (expired, about to expire). */
public final class TestCertificates {
    private TestCertificates() {
    }

    public static IssuedCertificate issue(CertificateAuthority ca, CertificateRequest request, Instant notBefore,
                                          Instant notAfter) {
        return ca.issue(request, notBefore, notAfter);
    }

    /** A CA valid only between the two instants: an expired one when {@code notAfter} has passed. */
    public static CertificateAuthority ca(String commonName, KeyAlgorithm algorithm, Instant notBefore,
                                          Instant notAfter) {
        KeyPair keys = algorithm.generate();
        return CertificateAuthority.fromPem(PemCodec.write(CertificateBuilder.selfSignedCa(keys, commonName, notBefore,
                notAfter)), PemCodec.write(keys.getPrivate()));
    }
}
