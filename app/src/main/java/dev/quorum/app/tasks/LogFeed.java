package dev.quorum.app.tasks;

import dev.quorum.app.common.LogLines;
import dev.quorum.app.common.LogLine;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's lines on their way to the screen: any thread may add (it is a {@link RunListener});
 * the UI drains it in batches on its own schedule, so a chatty run costs the UI thread one
 * small task per frame, not one per line. Holds at most {@code capacity} lines; older ones
 * are dropped (and counted) when the UI falls behind.
 */
public final class LogFeed implements RunListener {
    private final int capacity;
    private final LogLines lines = new LogLines();
    private final ArrayDeque<LogLine> pending = new ArrayDeque<>();
    private long dropped;

    public LogFeed(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void on(RunEvent event) {
        lines.of(event).ifPresent(this::add);
    }

    public synchronized void add(LogLine line) {
        pending.addLast(line);
        if (pending.size() > capacity) {
            pending.removeFirst();
            dropped++;
        }
    }

    /** Everything added since the last drain, oldest first. */
    public synchronized List<LogLine> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<LogLine> batch = new ArrayList<>(pending);
        pending.clear();
        return batch;
    }

    public synchronized long dropped() {
        return dropped;
    }
}
