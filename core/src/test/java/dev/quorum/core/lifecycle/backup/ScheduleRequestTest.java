package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CLI's and the app's request, checked in form before any AWS setting is read. */
class ScheduleRequestTest {

    private static ScheduleRequest request(Optional<String> copyTo, Optional<String> endpoint) {
        return new ScheduleRequest(Duration.ofHours(1), 24, copyTo, endpoint);
    }

    @Test
    void withoutACopyNoAwsSettingIsRead() {
        BackupSchedule schedule = request(Optional.empty(), Optional.empty()).resolve(() -> {
            throw new AssertionError("the workstation's AWS settings were read for a schedule without a copy");
        });

        assertThat(schedule).isEqualTo(BackupSchedule.of(Duration.ofHours(1), 24));
    }

    @Test
    void anEndpointWithoutACopyIsRefused() {
        assertThatThrownBy(() -> request(Optional.empty(), Optional.of("http://127.0.0.1:9000")).withoutKey())
                .isInstanceOf(BackupException.class).hasMessage("--s3-endpoint without --copy-to");
    }

    @Test
    void aMalformedCopyOrEndpointIsRefusedBeforeTheKeyIsRead() {
        assertThatThrownBy(() -> request(Optional.of("s3://Bad_Bucket"), Optional.empty()).resolve(() -> {
            throw new AssertionError("read");
        })).isNotInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> request(Optional.of("s3://good-bucket/p"), Optional.of("ftp://x")).resolve(() -> {
            throw new AssertionError("read");
        })).isNotInstanceOf(AssertionError.class);
    }

    @Test
    void theScheduleRulesStillApply() {
        assertThatThrownBy(() -> new ScheduleRequest(Duration.ofSeconds(30), 24, Optional.empty(), Optional.empty())
                .withoutKey()).hasMessageStartingWith("--every is 30s");
    }
}
