package dev.quorum.core.lifecycle.backup.offsite;

/** The store answered and refused these credentials, or refused them this action. */
public final class S3CredentialsRefusedException extends OffsiteException {
    S3CredentialsRefusedException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
