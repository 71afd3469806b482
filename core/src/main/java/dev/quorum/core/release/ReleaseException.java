package dev.quorum.core.release;

import dev.quorum.core.ActionableError;

/** The release could not be fetched or did not verify; nothing was installed. */
public final class ReleaseException extends Exception implements ActionableError {
    private final String hint;

    public ReleaseException(String message, String hint) {
        this(message, hint, null);
    }

    public ReleaseException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
