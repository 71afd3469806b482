package dev.quorum.core.lifecycle.backup.offsite;

/** No AWS access key was found in the places the workstation looks. */
public final class S3CredentialsMissingException extends OffsiteException {
    S3CredentialsMissingException(String where, Throwable cause) {
        super("no AWS credentials were found for the off-site store (looked in " + where + ")",
                "export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary "
                        + "credentials), or set AWS_PROFILE to a profile in ~/.aws/credentials or ~/.aws/config "
                        + "(the profile 'default' is used when AWS_PROFILE is not set)",
                cause);
    }
}
