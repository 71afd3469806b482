package dev.quorum.core.lifecycle.backup.offsite;

/** An {@code s3://} location or an {@code --s3-endpoint} URL that cannot be used as written. */
public final class InvalidS3AddressException extends OffsiteException {
    InvalidS3AddressException(String message, String hint) {
        super(message, hint, null);
    }
}
