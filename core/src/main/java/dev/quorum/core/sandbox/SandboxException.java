package dev.quorum.core.sandbox;

import dev.quorum.core.ActionableException;

/** The sandbox cannot do what was asked; the hint says what to do. */
public final class SandboxException extends ActionableException {
    public SandboxException(String message, String hint) {
        super(message, hint);
    }
}
