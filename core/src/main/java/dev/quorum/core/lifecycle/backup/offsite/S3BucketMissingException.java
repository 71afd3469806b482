package dev.quorum.core.lifecycle.backup.offsite;

/** The store answered that the bucket does not exist. */
public final class S3BucketMissingException extends OffsiteException {
    S3BucketMissingException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
