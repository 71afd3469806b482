package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class S3CredentialsTest {

    @Test
    void toStringNamesTheKeyIdButNeverTheSecretOrToken() {
        S3Credentials credentials = new S3Credentials("AKIAEXAMPLEKEYID", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                Optional.of("FwoGZXIvYXdzEXAMPLETOKEN"));

        assertThat(credentials.toString()).contains("AKIAEXAMPLEKEYID")
                .doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                .doesNotContain("FwoGZXIvYXdzEXAMPLETOKEN");
        assertThat(String.valueOf(Optional.of(credentials))).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void aSessionTokenIsKeptForTheSdk() {
        S3Credentials credentials = S3Credentials.from(AwsSessionCredentials.create("id", "secret", "token"));

        assertThat(credentials.sessionToken()).contains("token");
        assertThat(credentials.toSdk()).isInstanceOfSatisfying(AwsSessionCredentials.class,
                sdk -> assertThat(sdk.sessionToken()).isEqualTo("token"));
    }
}
