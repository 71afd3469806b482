package dev.quorum.app.tasks;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.report.CappedBuffer;
import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.report.RunLines;
import java.util.List;

/**
 * A run's lines on their way to the Tasks tab: any thread may add (it is a {@link RunListener}); the
 * view drains it in batches on its own schedule, so a chatty run costs the UI thread one small task
 * per frame, not one per line. Core's renderer words the events, core's buffer keeps at most
 * {@code capacity} of them (older ones are dropped, and counted, when the UI falls behind).
 */
public final class LogFeed implements RunListener {
    private final RunLines lines = new RunLines();
    private final CappedBuffer<LogLine> pending;

    public LogFeed(int capacity) {
        this.pending = new CappedBuffer<>(capacity);
    }

    @Override
    public void on(RunEvent event) {
        lines.of(event).ifPresent(this::add);
    }

    public void add(LogLine line) {
        pending.add(line);
    }

    /** Everything added since the last drain, oldest first. */
    public List<LogLine> drain() {
        return pending.drain();
    }

    public long dropped() {
        return pending.dropped();
    }
}
