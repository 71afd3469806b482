package dev.quorum.core.lifecycle.certs;

import dev.quorum.core.ActionableError;

/** A certificate plan that cannot be built or would be unsafe; the hint says what to do instead. */
public final class CertificateRefusal extends RuntimeException implements ActionableError {
    private final String hint;

    public CertificateRefusal(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
