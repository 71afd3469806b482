package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators type them: 90s, 30m, 1h, 1d (one number, one unit). */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})([smhd])");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new BackupException("'" + text + "' is not a duration",
                    "give a number and a unit: 90s, 30m, 1h or 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The largest unit that divides it exactly: 1d, 90m, 45s. */
    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 86400 == 0) {
            return seconds / 86400 + "d";
        }
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
