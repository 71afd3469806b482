package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.ActionableException;

/** A restore refused while building its plan, with what to do instead. */
public final class RestoreException extends ActionableException {
    public RestoreException(String message, String hint) {
        super(message, hint);
    }
}
