package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class S3LocationTest {

    @ParameterizedTest
    @CsvSource({
            "s3://my-backups,                   my-backups, ''",
            "s3://my-backups/,                  my-backups, ''",
            "s3://my-backups/cluster-a,         my-backups, cluster-a/",
            "s3://my-backups/cluster-a/,        my-backups, cluster-a/",
            "s3://b.example.org/a/b/c,          b.example.org, a/b/c/",
            "s3://abc/x,                        abc, x/",
    })
    void parsesBucketAndNormalizesThePrefix(String text, String bucket, String prefix) {
        S3Location location = S3Location.parse(text);

        assertThat(location.bucket()).isEqualTo(bucket);
        assertThat(location.prefix()).isEqualTo(prefix);
        assertThat(location).hasToString("s3://" + bucket + "/" + prefix);
    }

    @Test
    void keysJoinThePrefixWithOneSlash() {
        assertThat(S3Location.parse("s3://my-backups/cluster-a").key("snap.db")).isEqualTo("cluster-a/snap.db");
        assertThat(S3Location.parse("s3://my-backups").key("snap.db")).isEqualTo("snap.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", "."})
    void aBackupNameIsOneSegment(String name) {
        assertThatThrownBy(() -> S3Location.parse("s3://my-backups/p/").key(name))
                .isInstanceOf(InvalidS3AddressException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my-backups/cluster                | not an S3 location",
            "https://my-backups/cluster        | not an S3 location",
            "s3://                             | not a valid S3 bucket name",
            "s3://ab                           | not a valid S3 bucket name",
            "s3://My-Backups                   | not a valid S3 bucket name",
            "s3://my_backups                   | not a valid S3 bucket name",
            "s3://-backups                     | not a valid S3 bucket name",
            "s3://backups-                     | not a valid S3 bucket name",
            "s3://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | not a valid S3 bucket name",
            "s3://my..backups                  | dot next to a dot",
            "s3://my.-backups                  | dot next to a dot or hyphen",
            "s3://192.168.1.10/x               | form of an IP address",
            "s3://my-backups//x                | starts with '/'",
            "s3://my-backups/a//b              | empty, '.' or '..' part",
            "s3://my-backups/a/../b            | empty, '.' or '..' part",
    })
    void refusesWithWhatToWrite(String text, String says) {
        assertThatThrownBy(() -> S3Location.parse(text.strip()))
                .isInstanceOf(InvalidS3AddressException.class)
                .hasMessageContaining(says)
                .satisfies(e -> assertThat(((InvalidS3AddressException) e).hint()).contains("s3://"));
    }

    @Test
    void sixtyThreeCharactersAreAllowed() {
        String name = "a".repeat(63);
        assertThat(S3Location.parse("s3://" + name).bucket()).isEqualTo(name);
    }
}
