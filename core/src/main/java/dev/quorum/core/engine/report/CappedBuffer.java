package dev.quorum.core.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run produces on its threads, on its way to whoever shows it: any thread adds, the consumer takes
 * everything in one batch ({@link #drain()}) on its own schedule. Holds at most {@code capacity} items; the
 * oldest are dropped (and counted) when the consumer falls behind. {@link #add} says when it was empty, so a
 * consumer that is pushed to hands over once per batch, not once per item.
 */
public final class CappedBuffer<T> {
    private final int capacity;
    private final List<T> pending = new ArrayList<>();
    private long dropped;

    public CappedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds one item; true when the buffer was empty (the first item since the last drain). */
    public synchronized boolean add(T item) {
        boolean first = pending.isEmpty();
        dropped += appendKeepingNewest(pending, List.of(item), capacity);
        return first;
    }

    /** Everything added since the last drain, oldest first. */
    public synchronized List<T> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<T> batch = new ArrayList<>(pending);
        pending.clear();
        return batch;
    }

    /** How many items were dropped unseen since this buffer was made. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * Appends {@code more} to {@code list} and drops the oldest items beyond {@code cap}, in one removal and one
     * addition (an observable list fires two changes, not one per item). The one capping rule of every shown log.
     *
     * @return how many items were dropped, older ones of the list or the first of {@code more}
     */
    public static <T> long appendKeepingNewest(List<T> list, List<? extends T> more, int cap) {
        if (more.isEmpty()) {
            return 0;
        }
        List<? extends T> kept = more.size() > cap ? more.subList(more.size() - cap, more.size()) : more;
        int overflow = Math.max(0, list.size() + kept.size() - cap);
        if (overflow > 0) {
            list.subList(0, overflow).clear();
        }
        list.addAll(kept);
        return overflow + (more.size() - kept.size());
    }
}
