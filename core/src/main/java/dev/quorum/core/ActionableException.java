package dev.quorum.core;

/**
 * The unchecked {@link ActionableError}s share this: a message that says what is wrong and a hint
 * that says what to do. Each subclass exists only so callers can catch and name the kind of refusal.
 */
public abstract class ActionableException extends RuntimeException implements ActionableError {
    private final String hint;

    protected ActionableException(String message, String hint) {
        this(message, hint, null);
    }

    protected ActionableException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
