package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    @Test
    void durationsAreANumberAndOneUnit() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.words(Duration.ofMinutes(90))).isEqualTo("90m");
    }

    @Test
    void aBadDurationSaysWhatFormsThereAre() {
        for (String bad : new String[] {"", "1", "1w", "h", "1h30m", "-5m"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("is not a duration")
                    .satisfies(e -> assertThat(((BackupException) e).hint()).contains("90s, 30m, 1h or 1d"));
        }
    }

    @Test
    void lessThanAMinuteIsRefused() {
        assertThatThrownBy(() -> BackupSchedule.of(Duration.ofSeconds(30), 3))
                .isInstanceOf(BackupException.class).hasMessageContaining("--every is 30s");
        assertThat(BackupSchedule.of(Duration.ofMinutes(1), 3).every()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void keepIsOneToAThousand() {
        assertThatThrownBy(() -> BackupSchedule.of(Duration.ofHours(1), 0)).hasMessageContaining("--keep is 0");
        assertThatThrownBy(() -> BackupSchedule.of(Duration.ofHours(1), 1001)).hasMessageContaining("--keep is 1001");
        assertThat(BackupSchedule.of(Duration.ofHours(1), 1000).keep()).isEqualTo(1000);
    }

    @Test
    void anOffsiteTargetIsAnS3UrlWithABucket() {
        assertThatThrownBy(() -> new OffsiteCopy("https://bucket", "https://s3", "r", "k", "s"))
                .hasMessageContaining("--copy-to is 'https://bucket'");
        assertThatThrownBy(() -> new OffsiteCopy("s3:///prefix", "https://s3", "r", "k", "s"))
                .isInstanceOf(BackupException.class);
        OffsiteCopy copy = new OffsiteCopy("s3://b/x/y/", "https://s3", "r", "k", "s");
        assertThat(copy.bucket()).isEqualTo("b");
        assertThat(copy.prefix()).isEqualTo("x/y");
    }

    @Test
    void theHostsGetOnlyValuesTheirCurlRequestsCanCarryUnencoded() {
        assertThat(new OffsiteCopy("s3://b/x/y/", "https://s3", "r", "k", "s").location()).isEqualTo("s3://b/x/y/");
        assertThat(new OffsiteCopy("s3://b", "https://s3", "r", "k", "s").location()).isEqualTo("s3://b/");
        assertThatThrownBy(() -> new OffsiteCopy("s3://b/a b", "https://s3", "r", "k", "s"))
                .hasMessageContaining("has characters other than");
        assertThatThrownBy(() -> new OffsiteCopy("s3://b/a//b", "https://s3", "r", "k", "s"))
                .hasMessageContaining("has characters other than");
        assertThatThrownBy(() -> new OffsiteCopy("s3://b/p", "https://s3", "r", "k", "se\"cret"))
                .hasMessageContaining("quote or backslash").hasMessageNotContaining("se\"cret");
        assertThat(new OffsiteCopy("s3://b/p", "https://s3", "r", "k", "se/cr+et=").secretAccessKey()).isEqualTo("se/cr+et=");
    }

    @Test
    void temporaryCredentialsAreNotHandedToTheHosts() {
        assertThatThrownBy(() -> OffsiteCopy.withoutSession("s3://b/p", "https://s3", "r", "k", "s", true))
                .hasMessageContaining("temporary").isInstanceOf(BackupException.class);
        assertThat(OffsiteCopy.withoutSession("s3://b/p", "https://s3", "r", "k", "s", false).accessKeyId()).isEqualTo("k");
        assertThat(OffsiteCopy.awsEndpoint("eu-west-1")).isEqualTo("https://s3.eu-west-1.amazonaws.com");
    }
}
