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
}
