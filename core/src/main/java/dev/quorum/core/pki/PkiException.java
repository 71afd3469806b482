package dev.quorum.core.pki;

/** Certificate material is missing, unreadable or inconsistent; the message says which file and why. */
public class PkiException extends RuntimeException {
    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
