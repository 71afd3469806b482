package dev.quorum.core.lifecycle.recovery;

import dev.quorum.core.ActionableError;

/** Recovery refused, with what to do instead. */
public final class RecoveryException extends RuntimeException implements ActionableError {
    private final String hint;

    public RecoveryException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
