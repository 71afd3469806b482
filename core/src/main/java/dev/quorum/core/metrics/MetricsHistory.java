package dev.quorum.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every member's series over the last hour, from scrape after scrape: the bound is {@link #MAX_AGE} and a number
 * of points per series ({@link #MAX_POINTS} by default: an hour at one scrape every 5 s; the app gives an hour at
 * its own period), {@link #MAX_MEMBERS} members (a member not heard from for an hour is forgotten). A member's
 * rings are all allocated when it first answers ({@link SampleRing}: primitive arrays), so the history's memory
 * is fixed from then on rather than growing while the hour fills. Also notices leader changes between two
 * scrapes. Pure and single-threaded: the app calls it on the UI thread with what its background scrape returned.
 */
public final class MetricsHistory {
    public static final Duration MAX_AGE = Duration.ofHours(1);
    public static final int MAX_POINTS = 720;
    public static final int MAX_MEMBERS = 16;

    private final int pointsPerSeries;
    private final Map<String, Map<MetricSeries, SampleRing>> rings = new LinkedHashMap<>();
    private final Map<String, MemberMetrics> previous = new LinkedHashMap<>();
    private final Map<String, Instant> previousAt = new LinkedHashMap<>();
    private final Map<String, Instant> lastHeard = new LinkedHashMap<>();
    private Optional<String> leader = Optional.empty();

    public MetricsHistory() {
        this(MAX_POINTS);
    }

    /** @param pointsPerSeries at most {@link #MAX_POINTS}: the ring each member's series is kept in */
    public MetricsHistory(int pointsPerSeries) {
        if (pointsPerSeries < 1 || pointsPerSeries > MAX_POINTS) {
            throw new IllegalArgumentException("points per series must be 1.." + MAX_POINTS + ", not " + pointsPerSeries);
        }
        this.pointsPerSeries = pointsPerSeries;
    }

    /** The points a history for {@link #MAX_AGE} at one scrape every {@code period} needs (one more for the ends). */
    public static int pointsFor(Duration period) {
        return (int) Math.min(MAX_POINTS, MAX_AGE.toMillis() / Math.max(1, period.toMillis()) + 1);
    }

    /** One scrape's answers (members that did not answer are absent): what it noticed. */
    public Recorded record(Instant at, Map<String, MemberMetrics> scraped) {
        List<TimelineEvent> events = LeaderChanges.between(leader, previous, scraped, at);
        OptionalDouble leaderApplied = leaderApplied(scraped);
        for (Map.Entry<String, MemberMetrics> entry : scraped.entrySet()) {
            String member = entry.getKey();
            if (!rings.containsKey(member) && rings.size() >= MAX_MEMBERS) {
                continue;
            }
            Optional<MemberMetrics> before = Optional.ofNullable(previous.get(member));
            double seconds = before.isEmpty() ? 0
                    : Duration.between(previousAt.get(member), at).toMillis() / 1000.0;
            Map<MetricSeries, Double> values = SeriesValues.of(entry.getValue(), before, leaderApplied, seconds);
            Map<MetricSeries, SampleRing> memberRings = rings.computeIfAbsent(member, m -> allRings());
            values.forEach((series, value) -> memberRings.get(series).add(at, value));
            previous.put(member, entry.getValue());
            previousAt.put(member, at);
            lastHeard.put(member, at);
        }
        currentLeader(scraped).ifPresent(l -> leader = Optional.of(l));
        forgetSilent(at);
        return new Recorded(events);
    }

    private Map<MetricSeries, SampleRing> allRings() {
        Map<MetricSeries, SampleRing> all = new EnumMap<>(MetricSeries.class);
        for (MetricSeries series : MetricSeries.values()) {
            all.put(series, new SampleRing(pointsPerSeries, MAX_AGE));
        }
        return all;
    }

    /** A series' points, oldest first (empty for a member or series not seen). */
    public List<TimePoint> points(String member, MetricSeries series) {
        SampleRing ring = rings.getOrDefault(member, Map.of()).get(series);
        return ring == null ? List.of() : ring.points();
    }

    /** A series' points between two times, at most {@code out}'s capacity ({@link SampleRing#fill}); none for a member not kept. */
    public void fill(String member, MetricSeries series, LinePoints out, Instant from, Instant to) {
        SampleRing ring = rings.getOrDefault(member, Map.of()).get(series);
        if (ring == null) {
            out.clear();
        } else {
            ring.fill(out, from.toEpochMilli(), to.toEpochMilli());
        }
    }

    /** How many points one series can hold (each is allocated at this size). */
    public int pointsPerSeries() {
        return pointsPerSeries;
    }

    public boolean knows(String member) {
        return rings.containsKey(member);
    }

    public List<String> members() {
        return List.copyOf(rings.keySet());
    }

    private void forgetSilent(Instant now) {
        List<String> silent = lastHeard.entrySet().stream()
                .filter(e -> e.getValue().isBefore(now.minus(MAX_AGE))).map(Map.Entry::getKey).toList();
        silent.forEach(member -> {
            rings.remove(member);
            previous.remove(member);
            previousAt.remove(member);
            lastHeard.remove(member);
        });
        rings.values().forEach(series -> series.values().forEach(ring -> ring.expire(now)));
    }

    static Optional<String> currentLeader(Map<String, MemberMetrics> scraped) {
        return scraped.entrySet().stream().filter(e -> e.getValue().leader()).map(Map.Entry::getKey).findFirst();
    }

    private static OptionalDouble leaderApplied(Map<String, MemberMetrics> scraped) {
        Optional<String> leader = currentLeader(scraped);
        if (leader.isPresent() && !Double.isNaN(scraped.get(leader.get()).appliedIndex())) {
            return OptionalDouble.of(scraped.get(leader.get()).appliedIndex());
        }
        return scraped.values().stream().mapToDouble(MemberMetrics::appliedIndex).filter(v -> !Double.isNaN(v)).max();
    }

    /** What one scrape noticed. */
    public record Recorded(List<TimelineEvent> events) {
    }
}
