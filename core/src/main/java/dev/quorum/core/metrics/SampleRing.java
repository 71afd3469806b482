package dev.quorum.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A series' recent points in two preallocated primitive arrays (times in epoch milliseconds, values), bounded
 * twice: at most {@code capacity} points (the oldest overwritten) and none older than {@code maxAge} before the
 * newest, so a fast scrape cannot grow it and a member that stops answering does not keep old points forever.
 * Its memory is fixed when it is made (16 bytes a point): an hour's history filling up does not grow the heap.
 * Not thread-safe: one owner.
 */
public final class SampleRing {
    private final long[] at;
    private final double[] values;
    private final long maxAgeMillis;
    /** Index of the oldest point. */
    private int head;
    private int size;

    public SampleRing(int capacity, Duration maxAge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.at = new long[capacity];
        this.values = new double[capacity];
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** Adds a point (a point older than the newest is dropped: time runs one way) and drops the expired ones. */
    public void add(Instant when, double value) {
        long millis = when.toEpochMilli();
        if (size > 0 && millis < atOf(size - 1)) {
            return;
        }
        if (size == at.length) {
            head = (head + 1) % at.length;
            size--;
        }
        int slot = (head + size) % at.length;
        at[slot] = millis;
        values[slot] = value;
        size++;
        expire(when);
    }

    public void add(TimePoint point) {
        add(point.at(), point.value());
    }

    /** Drops the points older than {@code maxAge} before {@code now}. */
    public void expire(Instant now) {
        long oldest = now.toEpochMilli() - maxAgeMillis;
        while (size > 0 && at[head] < oldest) {
            head = (head + 1) % at.length;
            size--;
        }
    }

    /**
     * This series between {@code fromMillis} and {@code toMillis} (both included) as at most {@code out}'s capacity
     * points, written over what {@code out} held: every point when they fit, else the range cut into as many
     * equal time slices as {@code out} holds and, per slice, its highest point (a spike of latency or lag must
     * not vanish from a long range). Allocates nothing.
     */
    public void fill(LinePoints out, long fromMillis, long toMillis) {
        out.clear();
        int first = 0;
        while (first < size && atOf(first) < fromMillis) {
            first++;
        }
        int end = first;
        while (end < size && atOf(end) <= toMillis) {
            end++;
        }
        int buckets = out.capacity();
        if (end - first <= buckets) {
            for (int i = first; i < end; i++) {
                out.add(atOf(i), valueOf(i));
            }
            return;
        }
        double width = Math.max(1, toMillis - fromMillis) / (double) buckets;
        int bucket = -1;
        for (int i = first; i < end; i++) {
            int b = (int) Math.min(buckets - 1, (atOf(i) - fromMillis) / width);
            if (b != bucket) {
                out.add(atOf(i), valueOf(i));
                bucket = b;
            } else if (valueOf(i) > out.lastValue()) {
                out.replaceLast(atOf(i), valueOf(i));
            }
        }
    }

    /** A copy of the points, oldest first (for tests and rare reads: allocates). */
    public List<TimePoint> points() {
        List<TimePoint> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(new TimePoint(Instant.ofEpochMilli(atOf(i)), valueOf(i)));
        }
        return List.copyOf(copy);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return at.length;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private long atOf(int i) {
        return at[(head + i) % at.length];
    }

    private double valueOf(int i) {
        return values[(head + i) % at.length];
    }
}
