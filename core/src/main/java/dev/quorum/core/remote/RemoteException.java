package dev.quorum.core.remote;

import dev.quorum.core.ActionableException;

import java.util.Objects;

/**
 * A remote operation failed. The message says what happened; {@link #hint()} says what the
 * person running Quorum can do about it, so every front end can show both the same way.
 *
 * <p>Unchecked because nearly every remote call can fail this way and callers mostly let it
 * travel up to whoever reports per host (see {@link FanOut}).
 */
public class RemoteException extends ActionableException {

    public RemoteException(String message, String hint) {
        this(message, hint, null);
    }

    public RemoteException(String message, String hint, Throwable cause) {
        super(message, Objects.requireNonNull(hint, "hint"), cause);
    }
}
