package dev.quorum.core.metrics;

/**
 * The points one chart line shows, at most {@link #capacity()}, in preallocated primitive arrays that each redraw
 * writes over ({@link SampleRing#fill}): a line costs the same memory whatever range it shows. Times in epoch
 * milliseconds, oldest first. Not thread-safe: one owner.
 */
public final class LinePoints {
    private final long[] at;
    private final double[] values;
    private int size;

    public LinePoints(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.at = new long[capacity];
        this.values = new double[capacity];
    }

    public int capacity() {
        return at.length;
    }

    public int size() {
        return size;
    }

    public long at(int i) {
        check(i);
        return at[i];
    }

    public double value(int i) {
        check(i);
        return values[i];
    }

    void clear() {
        size = 0;
    }

    void add(long millis, double value) {
        if (size == at.length) {
            throw new IllegalStateException("a line holds at most " + at.length + " points");
        }
        at[size] = millis;
        values[size] = value;
        size++;
    }

    double lastValue() {
        return values[size - 1];
    }

    void replaceLast(long millis, double value) {
        at[size - 1] = millis;
        values[size - 1] = value;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
    }
}
