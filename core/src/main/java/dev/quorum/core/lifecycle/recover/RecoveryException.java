package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.ActionableException;

/** Recovery refused, with what to do instead. */
public final class RecoveryException extends ActionableException {
    public RecoveryException(String message, String hint) {
        super(message, hint);
    }
}
