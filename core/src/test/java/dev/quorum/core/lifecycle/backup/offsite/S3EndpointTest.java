package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3EndpointTest {

    @Test
    void withoutAUrlItIsAwsWithVirtualHostedBuckets() {
        S3Endpoint endpoint = S3Endpoint.parse(null, "eu-west-1");

        assertThat(endpoint.url()).isEmpty();
        assertThat(endpoint.pathStyle()).isFalse();
        assertThat(endpoint.describe()).isEqualTo("AWS S3 (eu-west-1)");
        assertThat(S3Endpoint.parse("  ", "us-east-1").url()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:9000,               http://127.0.0.1:9000",
            "http://127.0.0.1:9000/,              http://127.0.0.1:9000",
            "HTTPS://minio.example.org,           https://minio.example.org",
            "https://[::1]:9443,                  https://[::1]:9443",
    })
    void aCustomUrlIsPathStyle(String text, String url) {
        S3Endpoint endpoint = S3Endpoint.parse(text, S3Endpoint.DEFAULT_REGION);

        assertThat(endpoint.url()).isEqualTo(Optional.of(URI.create(url)));
        assertThat(endpoint.pathStyle()).isTrue();
        assertThat(endpoint.describe()).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://127.0.0.1:9000              | not an http or https URL",
            "127.0.0.1:9000                    | not a URL",
            "minio.local:9000                  | not an http or https URL",
            "http://                           | not a URL",
            "http:///bucket                    | names no host",
            "http://127.0.0.1:9000/bucket      | has a path, query or fragment",
            "http://127.0.0.1:9000/?x=1        | has a path, query or fragment",
            "http://h:9000 x                   | not a URL",
    })
    void refusesWithWhatToWrite(String text, String says) {
        assertThatThrownBy(() -> S3Endpoint.parse(text.strip(), S3Endpoint.DEFAULT_REGION))
                .isInstanceOf(InvalidS3AddressException.class)
                .hasMessageContaining(says)
                .satisfies(e -> assertThat(((InvalidS3AddressException) e).hint()).contains("--s3-endpoint http://HOST:PORT"));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> S3Endpoint.parse("http://key:hunter2@127.0.0.1:9000", "us-east-1"))
                .isInstanceOf(InvalidS3AddressException.class)
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((InvalidS3AddressException) e).hint()).doesNotContain("hunter2"));
    }

    @Test
    void aRegionMustLookLikeOne() {
        assertThatThrownBy(() -> S3Endpoint.parse(null, "Europe West"))
                .isInstanceOf(InvalidS3AddressException.class)
                .satisfies(e -> assertThat(((InvalidS3AddressException) e).hint()).contains("AWS_REGION"));
    }
}
