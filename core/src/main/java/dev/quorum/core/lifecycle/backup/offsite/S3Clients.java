package dev.quorum.core.lifecycle.backup.offsite;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The one way an S3 client is built: the JDK's HTTP client with bounded waits, path-style on custom
 * endpoints, and the SDK's newer default checksums (aws-chunked trailers) only where S3 requires
 * them, which S3-compatible stores do not all accept; the sha256 in the metadata is the end-to-end
 * check.
 */
final class S3Clients {
    private S3Clients() {
    }

    static S3Client create(S3Endpoint endpoint, S3Credentials credentials) {
        return create(endpoint, credentials, S3Waits.DEFAULT);
    }

    static S3Client create(S3Endpoint endpoint, S3Credentials credentials, S3Waits waits) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(waits.connect())
                        .socketTimeout(waits.read())
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(credentials.toSdk()))
                .region(Region.of(endpoint.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.pathStyle()).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallTimeout(waits.apiCall()));
        endpoint.url().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
