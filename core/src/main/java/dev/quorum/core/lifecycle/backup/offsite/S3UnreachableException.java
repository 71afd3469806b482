package dev.quorum.core.lifecycle.backup.offsite;

/**
 * No answer from the store (refused, timed out, unknown host, TLS failure): what is there is
 * unknown, so nothing may be concluded from it, least of all "no backups".
 */
public final class S3UnreachableException extends OffsiteException {
    S3UnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
