package dev.quorum.core.pki;

import java.time.Instant;

/** Certificates with chosen validity, for tests outside this package (expired, about to expire). */
public final class TestCertificates {
    private TestCertificates() {
    }

    public static IssuedCertificate issue(CertificateAuthority ca, CertificateRequest request, Instant notBefore,
                                          Instant notAfter) {
        return ca.issue(request, notBefore, notAfter);
    }
}
