package dev.quorum.app.cli;

import dev.quorum.core.ActionableException;

/** Bad input or a refused command: shown as is, with what to do. */
final class UserError extends ActionableException {
    UserError(String message, String hint) {
        super(message, hint);
    }
}
