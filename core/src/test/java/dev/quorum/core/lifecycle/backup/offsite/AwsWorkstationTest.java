package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/** The workstation's settings from a profile file of the test's own (the real environment is not read). */
class AwsWorkstationTest {
    @TempDir
    Path dir;

    private AwsWorkstation workstation(String credentialsFile, String profile) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), credentialsFile);
        ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        return new AwsWorkstation(ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile).build(),
                new AwsProfileRegionProvider(() -> profiles, profile));
    }

    @Test
    void aProfilesKeyAndRegionAreUsed() throws Exception {
        AwsWorkstation workstation = workstation("""
                [backups]
                aws_access_key_id = AKIDBACKUPS
                aws_secret_access_key = secret-of-backups
                region = eu-central-1
                """, "backups");

        assertThat(workstation.credentials()).isEqualTo(S3Credentials.of("AKIDBACKUPS", "secret-of-backups"));
        assertThat(workstation.region()).isEqualTo("eu-central-1");
    }

    @Test
    void noCredentialsSaysWhatToSet() throws Exception {
        AwsWorkstation workstation = workstation("[other]\naws_access_key_id = X\naws_secret_access_key = Y\n",
                "backups");

        S3CredentialsMissingException missing = catchThrowableOfType(S3CredentialsMissingException.class,
                workstation::credentials);

        assertThat(missing.getMessage()).contains("no AWS credentials were found");
        assertThat(missing.hint()).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                "AWS_PROFILE", "~/.aws/credentials");
        assertThat(workstation.region()).isEqualTo(S3Endpoint.DEFAULT_REGION);
    }
}
