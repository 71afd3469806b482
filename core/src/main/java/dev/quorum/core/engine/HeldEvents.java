package dev.quorum.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of a step that runs alongside an earlier one, held back until that step has finished,
 * so a console or log still reads one step after the other. Bounded: past {@link #LIMIT} held events
 * the rest of the step's output lines are counted, not kept; its results are always kept.
 */
final class HeldEvents implements RunListener {
    static final int LIMIT = 500;

    private final RunListener out;
    private List<RunEvent> held = new ArrayList<>();
    private int dropped;
    private RunEvent.TargetOutput lastDropped;

    HeldEvents(RunListener out) {
        this.out = out;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (held == null) {
            out.on(event);
        } else if (held.size() < LIMIT || !(event instanceof RunEvent.TargetOutput)) {
            held.add(event);
        } else {
            dropped++;
            lastDropped = (RunEvent.TargetOutput) event;
        }
    }

    /** Passes on what was held, in order, and every later event at once. */
    synchronized void release() {
        List<RunEvent> events = held;
        held = null;
        if (events == null) {
            return;
        }
        events.forEach(out::on);
        if (lastDropped != null) {
            out.on(new RunEvent.TargetOutput(lastDropped.time(), lastDropped.step(), lastDropped.target(),
                    LogLevel.WARN, dropped + " more output lines of this step were not kept"));
        }
    }
}
