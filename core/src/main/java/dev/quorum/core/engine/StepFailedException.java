package dev.quorum.core.engine;

import dev.quorum.core.ActionableError;

/**
 * A step could not do its work. The message is shown to the user as is: say what is wrong
 * and, in {@link #hint()}, what to do.
 */
public class StepFailedException extends Exception implements ActionableError {
    private final String hint;

    public StepFailedException(String message) {
        this(message, "", null);
    }

    public StepFailedException(String message, String hint) {
        this(message, hint, null);
    }

    public StepFailedException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
