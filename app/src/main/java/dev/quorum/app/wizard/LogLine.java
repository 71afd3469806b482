package dev.quorum.app.wizard;

import dev.quorum.core.engine.LogLevel;

/** One line of a run's live log, shown as {@code host | step | line}. */
public record LogLine(String host, String step, LogLevel level, String text) {
    @Override
    public String toString() {
        return host + " | " + step + " | " + text;
    }
}
