package dev.quorum.core.lifecycle.members;

import dev.quorum.core.ActionableError;

/** A membership change refused before anything was changed, with what to do instead. */
public final class MemberChangeException extends RuntimeException implements ActionableError {
    private final String hint;

    public MemberChangeException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
