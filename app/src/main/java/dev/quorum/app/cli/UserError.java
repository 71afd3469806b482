package dev.quorum.app.cli;

import dev.quorum.core.ActionableError;

/** Bad input or a refused command: shown as is, with what to do. */
final class UserError extends RuntimeException implements ActionableError {
    private final String hint;

    UserError(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
