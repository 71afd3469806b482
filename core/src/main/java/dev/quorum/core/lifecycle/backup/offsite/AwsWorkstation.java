package dev.quorum.core.lifecycle.backup.offsite;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The workstation's own AWS settings, read where the AWS CLI reads them: {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}, then {@code AWS_PROFILE} (or
 * {@code default}) in ~/.aws/credentials and ~/.aws/config, including the profile's SSO, process
 * and assume-role settings. This is the SDK's default chain without its container and EC2
 * instance-metadata steps: a workstation has neither, and asking would send requests to a
 * link-local address and wait for them to time out (decision 0023).
 */
public final class AwsWorkstation {
    private static final String PLACES = "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the aws.accessKeyId system "
            + "property, and the profile named by AWS_PROFILE (or 'default') in ~/.aws/credentials and ~/.aws/config";

    private final AwsCredentialsProvider credentials;
    private final AwsRegionProvider region;

    public AwsWorkstation() {
        this(AwsCredentialsProviderChain.builder()
                        .reuseLastProviderEnabled(false)
                        .credentialsProviders(SystemPropertyCredentialsProvider.create(),
                                EnvironmentVariableCredentialsProvider.create(),
                                ProfileCredentialsProvider.create())
                        .build(),
                new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()));
    }

    /** For tests: other places to look. */
    AwsWorkstation(AwsCredentialsProvider credentials, AwsRegionProvider region) {
        this.credentials = credentials;
        this.region = region;
    }

    /** The credentials the chain resolves now; none found is an error that says what to set. */
    public S3Credentials credentials() {
        try {
            return S3Credentials.from(credentials.resolveCredentials());
        } catch (SdkException e) {
            // the SDK's message lists each provider's reason; none of them carries a secret
            throw new S3CredentialsMissingException(PLACES, e);
        }
    }

    /** AWS_REGION (or aws.region), else the profile's region, else {@value S3Endpoint#DEFAULT_REGION}. */
    public String region() {
        try {
            return region.getRegion().id();
        } catch (SdkException e) {
            return S3Endpoint.DEFAULT_REGION;
        }
    }
}
