package dev.quorum.core.engine;

import java.util.ArrayList;
import java.util.List;

/** A step context for unit tests: the cluster as target, every line kept as "LEVEL text". */
public final class RecordingContext implements StepContext {
    public final List<String> lines = new ArrayList<>();

    @Override
    public String target() {
        return "cluster";
    }

    @Override
    public void log(LogLevel level, String line) {
        lines.add(level + " " + line);
    }

    @Override
    public Cancellation cancellation() {
        return new Cancellation();
    }
}
