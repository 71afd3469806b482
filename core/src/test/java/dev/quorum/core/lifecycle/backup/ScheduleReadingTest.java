package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The schedule command's output, as a host with systemd (or the lab's stand-in) prints it, read back. */
class ScheduleReadingTest {
    static final Instant FALLBACK = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void readsTheTimerTheKeptCountTheNextRunOnTheHostsClockAndTheLastResult() {
        String output = """
                now=1796353200
                uptime=1000.50
                installed=yes
                since=1796349600
                every=3600s
                keep=24
                active=active
                next=1h 16min 40.5s
                Result=exit-code
                ExecMainStatus=1
                ended=1796353140
                """;

        ObservedSchedule schedule = ScheduleReading.parse("lab1", output, FALLBACK);

        Instant now = Instant.ofEpochSecond(1796353200);
        assertThat(schedule.hostNow()).isEqualTo(now);
        assertThat(schedule.installed()).isTrue();
        assertThat(schedule.timerActive()).isTrue();
        assertThat(schedule.every()).contains(Duration.ofHours(1));
        assertThat(schedule.keep()).hasValue(24);
        assertThat(schedule.scheduledSince()).contains(Instant.ofEpochSecond(1796349600));
        assertThat(schedule.nextRun()).contains(now.plusSeconds(3600));
        assertThat(schedule.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.failed()).isTrue();
            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.ended()).contains(Instant.ofEpochSecond(1796353140));
        });
    }

    @Test
    void aHostWithoutTheTimerIsNotInstalledAndAServiceThatNeverRanDidNotFail() {
        String output = """
                now=1796353200
                uptime=5.00
                active=inactive
                next=infinity
                Result=success
                ExecMainStatus=0
                """;

        ObservedSchedule schedule = ScheduleReading.parse("lab2", output, FALLBACK);

        assertThat(schedule.installed()).isFalse();
        assertThat(schedule.timerActive()).isFalse();
        assertThat(schedule.every()).isEmpty();
        assertThat(schedule.keep()).isEmpty();
        assertThat(schedule.nextRun()).isEmpty();
        assertThat(schedule.lastRun()).hasValueSatisfying(run -> assertThat(run.failed()).isFalse());
        assertThat(schedule.lastRun().get().ended()).isEmpty();
    }

    @Test
    void timeSpansInSystemdsFormat() {
        assertThat(SystemdTimespan.parse("1d 2h 3min 4.5s")).contains(Duration.ofMillis(93_784_500));
        assertThat(SystemdTimespan.parse("3600s")).contains(Duration.ofHours(1));
        assertThat(SystemdTimespan.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(SystemdTimespan.parse("0")).isEmpty();
        assertThat(SystemdTimespan.parse("infinity")).isEmpty();
        assertThat(SystemdTimespan.parse("soon")).isEmpty();
    }
}
