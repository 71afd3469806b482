package dev.quorum.core.pki;

import java.util.Objects;

/** One thing wrong with a certificate file, in words a user can act on. */
public record CertificateProblem(ProblemCode code, String message) {
    public CertificateProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return code.severity();
    }
}
