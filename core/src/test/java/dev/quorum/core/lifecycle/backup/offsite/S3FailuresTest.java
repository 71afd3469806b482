package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The kinds of answer the tests against s3proxy cannot provoke: a denied action, AWS, timeouts. */
class S3FailuresTest {
    private final S3Failures aws = new S3Failures(S3Endpoint.aws("eu-west-1"), S3Location.parse("s3://bkp/a/"),
            "AKIDEXAMPLE");

    private static S3Exception answer(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from the server").build())
                .build();
    }

    @Test
    void accessDeniedNamesThePermissionsToGrant() {
        OffsiteException e = aws.of("list s3://bkp/a/", answer(403, "AccessDenied"));

        assertThat(e).isInstanceOf(S3CredentialsRefusedException.class);
        assertThat(e.getMessage()).contains("AKIDEXAMPLE", "is not allowed", "bkp", "AWS S3 (eu-west-1)");
        assertThat(e.hint()).contains("s3:ListBucket", "s3:PutObject");
    }

    @Test
    void anExpiredTokenIsRefusedCredentials() {
        OffsiteException e = aws.of("list s3://bkp/a/", answer(400, "ExpiredToken"));

        assertThat(e).isInstanceOf(S3CredentialsRefusedException.class);
        assertThat(e.hint()).contains("AWS_SESSION_TOKEN");
    }

    @Test
    void aTimeoutIsUnreachableAndUnknown() {
        OffsiteException call = aws.of("list s3://bkp/a/", ApiCallTimeoutException.create(30_000));
        OffsiteException read = aws.of("download s3://bkp/a/x.db",
                SdkClientException.create("read", new SocketTimeoutException("Read timed out")));

        assertThat(call).isInstanceOf(S3UnreachableException.class);
        assertThat(read).isInstanceOf(S3UnreachableException.class);
        assertThat(read.getMessage()).contains("AWS S3 (eu-west-1)", "did not answer", "Read timed out", "unknown");
        assertThat(read.hint()).contains("internet connection");
    }

    @Test
    void anyOtherAnswerIsAFailedRequestWithItsCode() {
        OffsiteException e = aws.of("list s3://bkp/a/", answer(301, "PermanentRedirect"));

        assertThat(e).isInstanceOf(S3RequestFailedException.class);
        assertThat(e.getMessage()).contains("PermanentRedirect", "HTTP 301", "bkp");
        assertThat(e.hint()).contains("AWS_REGION");
    }
}
