package dev.quorum.core.lifecycle.backup.offsite;

import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into the store's refusals, each naming the endpoint, the bucket and
 * the access key id (never the secret) and saying what to do. Pure: it reads codes and causes.
 */
final class S3Failures {
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "InvalidToken", "ExpiredToken", "TokenRefreshRequired", "InvalidSecurity");

    private final S3Endpoint endpoint;
    private final S3Location location;
    private final String accessKeyId;

    S3Failures(S3Endpoint endpoint, S3Location location, String accessKeyId) {
        this.endpoint = endpoint;
        this.location = location;
        this.accessKeyId = accessKeyId;
    }

    /** {@code doing} completes "could not ...", e.g. "list s3://b/p/". */
    OffsiteException of(String doing, SdkException e) {
        if (e instanceof AwsServiceException service) {
            return answered(doing, service);
        }
        if (isNoAnswer(e)) {
            return new S3UnreachableException("could not " + doing + ": " + endpoint.describe()
                    + " did not answer (" + reason(e) + "); whether the backups there exist is unknown",
                    endpoint.url().isPresent()
                            ? "check that the S3 server at " + endpoint.describe() + " is running and reachable "
                                    + "from this workstation (address, port, http or https, firewall), or fix "
                                    + "--s3-endpoint"
                            : "check this workstation's internet connection and proxy settings, and AWS_REGION",
                    e);
        }
        return new S3RequestFailedException("could not " + doing + " at " + endpoint.describe() + ": " + reason(e),
                "check the S3 settings (--s3-endpoint, AWS_REGION) and try again", e);
    }

    private OffsiteException answered(String doing, AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        String where = " (bucket " + location.bucket() + " at " + endpoint.describe() + ")";
        if (code.equals("NoSuchBucket")) {
            return new S3BucketMissingException("could not " + doing + ": the bucket " + location.bucket()
                    + " does not exist at " + endpoint.describe(),
                    "create the bucket first (for example: aws s3 mb s3://" + location.bucket()
                            + (endpoint.url().map(u -> " --endpoint-url " + u).orElse("")) + "), or fix the "
                            + "bucket name in --copy-to" + (endpoint.url().isPresent() ? " or --s3-endpoint" : ""),
                    e);
        }
        if (BAD_CREDENTIALS.contains(code) || status == 401) {
            return new S3CredentialsRefusedException("could not " + doing + ": the store refused the credentials "
                    + "of access key " + accessKeyId + where + ": " + (code.isEmpty() ? "HTTP " + status : code),
                    "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the profile named by AWS_PROFILE): the "
                            + "key must exist on this store and the secret must be its own; temporary credentials "
                            + "also need a current AWS_SESSION_TOKEN",
                    e);
        }
        if (status == 403) {
            return new S3CredentialsRefusedException("could not " + doing + ": access key " + accessKeyId
                    + " is not allowed to" + where + ": " + (code.isEmpty() ? "HTTP 403" : code),
                    "grant this key s3:ListBucket, s3:GetObject and s3:PutObject on " + location
                            + " (or use the key of a user who has them); if the key itself may be wrong, check "
                            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                    e);
        }
        return new S3RequestFailedException("could not " + doing + where + ": " + (code.isEmpty() ? "" : code + ", ")
                + "HTTP " + status,
                "check that --s3-endpoint points at an S3 API and AWS_REGION matches the bucket's region", e);
    }

    private static boolean isNoAnswer(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
