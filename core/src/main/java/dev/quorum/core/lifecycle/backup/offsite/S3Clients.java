package dev.quorum.core.lifecycle.backup.offsite;

import java.time.Duration;
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
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A read that sees no byte for this long fails, also in the middle of a large transfer. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** The whole of a small call (list, head, check), retries included. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(30);

    private S3Clients() {
    }

    static S3Client create(S3Endpoint endpoint, S3Credentials credentials) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT)
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(credentials.toSdk()))
                .region(Region.of(endpoint.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.pathStyle()).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallTimeout(API_CALL_TIMEOUT));
        endpoint.url().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A transfer's whole-call bound: generous (1 MiB/s at least), since a stall is caught by the read timeout. */
    static Duration transferTimeout(long bytes) {
        return API_CALL_TIMEOUT.plusSeconds(bytes / (1024 * 1024));
    }
}
