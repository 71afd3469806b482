package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.ActionableError;

/** A restore refused while building its plan, with what to do instead. */
public final class RestoreException extends RuntimeException implements ActionableError {
    private final String hint;

    public RestoreException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
