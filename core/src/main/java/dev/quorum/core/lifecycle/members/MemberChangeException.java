package dev.quorum.core.lifecycle.members;

import dev.quorum.core.ActionableException;

/** A membership change refused before anything was changed, with what to do instead. */
public final class MemberChangeException extends ActionableException {
    public MemberChangeException(String message, String hint) {
        super(message, hint);
    }
}
