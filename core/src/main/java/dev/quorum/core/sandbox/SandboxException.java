package dev.quorum.core.sandbox;

import dev.quorum.core.ActionableError;

/** The sandbox cannot do what was asked; the hint says what to do. */
public final class SandboxException extends RuntimeException implements ActionableError {
    private final String hint;

    public SandboxException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
