package dev.quorum.core.metrics;

import java.time.Instant;

/** One value of a series at the time of the scrape that gave it. */
public record TimePoint(Instant at, double value) {
}
