package dev.quorum.app.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the charts' axis and the timeline write them. */
final class TimeWords {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TimeWords() {
    }

    static String clock(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(zone));
    }

    static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    /** An axis value (epoch seconds) as the time of day. */
    static String axis(Number epochSeconds, ZoneId zone) {
        return clock(Instant.ofEpochMilli(Math.round(epochSeconds.doubleValue() * 1000)), zone);
    }
}
