package dev.quorum.core.metrics;

/** A new point of one member's series, as one scrape gave it. */
public record MemberPoint(String member, MetricSeries series, TimePoint point) {
}
