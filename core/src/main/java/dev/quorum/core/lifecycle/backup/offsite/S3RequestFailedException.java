package dev.quorum.core.lifecycle.backup.offsite;

/** The store answered with an error none of the other kinds names. */
public final class S3RequestFailedException extends OffsiteException {
    S3RequestFailedException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
