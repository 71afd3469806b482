package dev.quorum.core.lifecycle.backup.offsite;

import dev.quorum.core.ActionableException;

/**
 * Every refusal of the off-site store: a message naming the endpoint, bucket or key it concerns and a
 * hint saying what to do. Messages never carry a secret: only the access key id may be named.
 */
public abstract class OffsiteException extends ActionableException {
    protected OffsiteException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
