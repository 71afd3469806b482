package dev.quorum.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A series' recent points, bounded twice: at most {@code capacity} points and none older than {@code maxAge}
 * before the newest, so a fast scrape cannot grow it and a member that stops answering does not keep old
 * points forever. Not thread-safe: one owner.
 */
public final class SampleRing {
    private final int capacity;
    private final Duration maxAge;
    private final ArrayDeque<TimePoint> points = new ArrayDeque<>();

    public SampleRing(int capacity, Duration maxAge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
    }

    /** Adds a point (a point older than the newest is dropped: time runs one way) and drops the expired ones. */
    public void add(TimePoint point) {
        if (!points.isEmpty() && point.at().isBefore(points.peekLast().at())) {
            return;
        }
        points.addLast(point);
        while (points.size() > capacity) {
            points.removeFirst();
        }
        expire(point.at());
    }

    /** Drops the points older than {@code maxAge} before {@code now}. */
    public void expire(Instant now) {
        Instant oldest = now.minus(maxAge);
        while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
            points.removeFirst();
        }
    }

    public List<TimePoint> points() {
        return List.copyOf(points);
    }

    public int size() {
        return points.size();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
