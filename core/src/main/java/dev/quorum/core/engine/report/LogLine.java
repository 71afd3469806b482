package dev.quorum.core.engine.report;

import dev.quorum.core.engine.LogLevel;
import java.time.Instant;

/**
 * One line of a run as shown: when, on which host (or "cluster"), in which step, how serious.
 *
 * @param host empty for lines about the whole run
 * @param step the step's title, empty for lines about the whole run
 */
public record LogLine(Instant time, String host, String step, LogLevel level, String text) {

    /** "[sandbox1] Start etcd members: started etcd1 ...": the form copied and exported. */
    public String formatted() {
        StringBuilder line = new StringBuilder();
        if (!host.isEmpty()) {
            line.append('[').append(host).append("] ");
        }
        if (!step.isEmpty()) {
            line.append(step).append(": ");
        }
        return line.append(text).toString();
    }

    /** "h1 | Write the marker file | changed (before: missing)": the wizards' run page. */
    @Override
    public String toString() {
        return host + " | " + step + " | " + text;
    }
}
