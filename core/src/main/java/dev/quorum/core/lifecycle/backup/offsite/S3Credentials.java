package dev.quorum.core.lifecycle.backup.offsite;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * An access key as the workstation resolved it, to be handed to the hosts' upload job later.
 * {@link #toString()} names the access key id only: this value ends up near logs and plans.
 */
public record S3Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    public S3Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        return new S3Credentials(accessKeyId, secretAccessKey, Optional.empty());
    }

    static S3Credentials from(AwsCredentials credentials) {
        Optional<String> token = credentials instanceof AwsSessionCredentials session
                ? Optional.of(session.sessionToken()) : Optional.empty();
        return new S3Credentials(credentials.accessKeyId(), credentials.secretAccessKey(), token);
    }

    AwsCredentials toSdk() {
        return sessionToken.<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKeyId, secretAccessKey,
                token)).orElseGet(() -> AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                + (sessionToken.isPresent() ? ", sessionToken=****" : "") + "]";
    }
}
