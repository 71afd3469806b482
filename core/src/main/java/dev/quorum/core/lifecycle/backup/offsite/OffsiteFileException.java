package dev.quorum.core.lifecycle.backup.offsite;

/** A file on the workstation that could not be read or written for an upload or download. */
public final class OffsiteFileException extends OffsiteException {
    OffsiteFileException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
