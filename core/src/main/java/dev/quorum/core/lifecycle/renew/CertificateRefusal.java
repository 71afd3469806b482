package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.ActionableException;

/** A certificate plan that cannot be built or would be unsafe; the hint says what to do instead. */
public final class CertificateRefusal extends ActionableException {
    public CertificateRefusal(String message, String hint) {
        super(message, hint);
    }
}
