package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** systemd's time spans as {@code systemctl show} prints them: {@code 1d 2h 3min 4.5s}; "0" and "infinity" are none. */
final class SystemdTimespan {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(y|month|w|d|h|min|s|ms|us)");
    private static final Map<String, Double> SECONDS = Map.of("y", 31557600.0, "month", 2629800.0, "w", 604800.0,
            "d", 86400.0, "h", 3600.0, "min", 60.0, "s", 1.0, "ms", 0.001, "us", 0.000001);

    private SystemdTimespan() {
    }

    static Optional<Duration> parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.equals("0") || value.equals("infinity")) {
            return Optional.empty();
        }
        double seconds = 0;
        for (String word : value.split("\\s+")) {
            Matcher part = PART.matcher(word);
            if (!part.matches()) {
                return Optional.empty();
            }
            seconds += Double.parseDouble(part.group(1)) * SECONDS.get(part.group(2));
        }
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
