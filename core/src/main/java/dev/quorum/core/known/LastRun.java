package dev.quorum.core.known;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cluster's newest run, as its log says: what ran, when, and how it ended (empty: it did not finish,
 * or the log was too large to read for a glance).
 */
public record LastRun(String lifecycle, Instant started, Optional<RunOutcome> outcome) {

    /** Pure: a run log's events -> the run; empty when the log has no start event. */
    public static Optional<LastRun> of(List<RunEvent> events) {
        Optional<RunEvent.RunStarted> start = events.stream().filter(RunEvent.RunStarted.class::isInstance)
                .map(RunEvent.RunStarted.class::cast).findFirst();
        Optional<RunOutcome> outcome = events.stream().filter(RunEvent.RunFinished.class::isInstance)
                .map(e -> ((RunEvent.RunFinished) e).outcome()).findFirst();
        return start.map(s -> new LastRun(s.lifecycle(), s.time(), outcome));
    }

    /** "install, 2026-12-04 19:40Z, succeeded" */
    public String words() {
        String when = started.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", "Z");
        return lifecycle + ", " + when + ", " + outcome.map(o -> o.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("did not finish");
    }
}
