package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One host's backup schedule as read from the host: the timer and its interval, the kept count, when the
 * timer was installed or last changed, its next run, the service's last result, and the host's own clock
 * (backup times are the host's, so their age is measured on it).
 *
 * @param unknown why the host could not be read; then nothing else is known
 */
public record ObservedSchedule(String host, Optional<String> unknown, boolean installed, boolean timerActive,
                               Optional<Duration> every, OptionalInt keep, Optional<Instant> scheduledSince,
                               Optional<Instant> nextRun, Optional<LastRun> lastRun, Instant hostNow) {

    public static ObservedSchedule unknown(String host, String reason, Instant now) {
        return new ObservedSchedule(host, Optional.of(reason), false, false, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), now);
    }
}
