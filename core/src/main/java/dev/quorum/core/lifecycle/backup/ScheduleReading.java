package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One read-only SSH command per host prints the backup schedule as {@code key=value} lines; this reads them back.
 * systemd's wall-clock timestamps are turned into epoch seconds on the host ({@code date -d}), where their time
 * zone is known; the timer's next run is monotonic (its triggers are), so it comes with the host's uptime.
 */
final class ScheduleReading {
    private ScheduleReading() {
    }

    static String command() {
        return command(BackupUnits.MAIN);
    }

    static String command(BackupUnits units) {
        return "echo \"now=$(date -u +%s)\"; echo \"uptime=$(cut -d ' ' -f 1 /proc/uptime)\"; "
                + "if [ -f " + units.timerFile() + " ]; then echo installed=yes; "
                + "echo \"since=$(stat -c %Y " + units.timerFile() + ")\"; "
                + "sed -n 's/^OnUnitActiveSec=/every=/p' " + units.timerFile() + "; fi; "
                + "[ -r " + units.envFile() + " ] && sed -n \"s/^QUORUM_BACKUP_KEEP='\\{0,1\\}\\([0-9]*\\)'\\{0,1\\}$/keep=\\1/p\" "
                + units.envFile() + "; "
                + "echo \"active=$(systemctl is-active " + units.timer() + " 2>/dev/null)\"; "
                + "echo \"next=$(systemctl show -p NextElapseUSecMonotonic --value " + units.timer() + " 2>/dev/null)\"; "
                + "systemctl show -p Result,ExecMainStatus " + units.service() + " 2>/dev/null; "
                + "x=$(systemctl show -p ExecMainExitTimestamp --value " + units.service() + " 2>/dev/null); "
                + "[ -n \"$x\" ] && echo \"ended=$(date -u -d \"$x\" +%s 2>/dev/null)\"; true";
    }

    static ObservedSchedule parse(String host, String output, Instant fallbackNow) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] pair = line.strip().split("=", 2);
            if (pair.length == 2) {
                values.putIfAbsent(pair[0], pair[1].strip());
            }
        }
        Instant now = epoch(values.get("now")).orElse(fallbackNow);
        boolean installed = "yes".equals(values.get("installed"));
        Optional<Duration> every = Optional.ofNullable(values.get("every")).flatMap(SystemdTimespan::parse);
        OptionalInt keep = number(values.get("keep")).map(k -> OptionalInt.of(k.intValue())).orElse(OptionalInt.empty());
        boolean active = "active".equals(values.get("active"));
        Optional<Instant> nextRun = active ? nextRun(values, now) : Optional.empty();
        Optional<LastRun> lastRun = Optional.ofNullable(values.get("Result")).map(result -> new LastRun(result,
                number(values.get("ExecMainStatus")).orElse(-1L).intValue(), epoch(values.get("ended"))));
        return new ObservedSchedule(host, Optional.empty(), installed, active, every, keep,
                epoch(values.get("since")), nextRun, lastRun, now);
    }

    /** The timer's next elapse on the monotonic clock, as wall-clock time on the host. */
    private static Optional<Instant> nextRun(Map<String, String> values, Instant now) {
        Optional<Duration> next = SystemdTimespan.parse(values.get("next"));
        Optional<Double> uptime = Optional.ofNullable(values.get("uptime")).flatMap(ScheduleReading::decimal);
        if (next.isEmpty() || uptime.isEmpty()) {
            return Optional.empty();
        }
        Duration left = next.get().minusMillis(Math.round(uptime.get() * 1000));
        return Optional.of(now.plus(left.isNegative() ? Duration.ZERO : left));
    }

    private static Optional<Instant> epoch(String text) {
        return number(text).filter(s -> s > 0).map(Instant::ofEpochSecond);
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> decimal(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
