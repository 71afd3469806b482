package dev.quorum.app.tasks;

import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.StepStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a run's events into log lines. Output lines carry only the step's number, so the titles
 * seen in StepStarted events are remembered (events may come from several threads).
 */
public final class LogLines {
    private final Map<Integer, String> stepTitles = new ConcurrentHashMap<>();

    public Optional<LogLine> of(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            stepTitles.clear();
            for (int i = 0; i < s.stepTitles().size(); i++) {
                stepTitles.put(i, s.stepTitles().get(i));
            }
            return Optional.of(new LogLine(s.time(), "", "", LogLevel.INFO, "run " + s.runId() + ": " + s.lifecycle()
                    + " on " + s.cluster() + " (" + lower(s.mode().name()) + ")"));
        }
        if (event instanceof RunEvent.StepStarted s) {
            stepTitles.put(s.step(), s.title());
            return Optional.of(new LogLine(s.time(), "", s.title(), LogLevel.INFO,
                    "started on " + String.join(", ", s.targets())));
        }
        if (event instanceof RunEvent.TargetOutput o) {
            return Optional.of(new LogLine(o.time(), o.target(), title(o.step()), o.level(), o.line()));
        }
        if (event instanceof RunEvent.TargetFinished f) {
            return Optional.of(new LogLine(f.time(), f.target(), title(f.step()), level(f.status()),
                    finished(f)));
        }
        if (event instanceof RunEvent.RunFinished f) {
            return Optional.of(new LogLine(f.time(), "", "", f.outcome() == RunOutcome.SUCCEEDED
                    ? LogLevel.INFO : LogLevel.ERROR, "run " + lower(f.outcome().name()) + " in "
                    + f.took().toMillis() + " ms: " + summary(f.summary())));
        }
        return Optional.empty(); // StepFinished: its targets' lines already said it
    }

    /** For a change the message is the check's reason for it: say it was the state before. */
    private static String finished(RunEvent.TargetFinished f) {
        String text = switch (f.status()) {
            case CHANGED -> "changed" + (f.message().isBlank() ? "" : " (before: " + f.message() + ")");
            case PENDING -> "would change: " + f.message();
            default -> lower(f.status().name()) + (f.message().isBlank() ? "" : ": " + f.message());
        };
        return text + (f.hint().isBlank() ? "" : " (what to do: " + f.hint() + ")");
    }

    private static String summary(dev.quorum.core.engine.RunSummary s) {
        return s.ok() + " ok, " + s.changed() + " changed, " + s.failed() + " failed, " + s.skipped() + " skipped"
                + (s.pending() > 0 ? ", " + s.pending() + " would change" : "");
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private String title(int step) {
        return stepTitles.getOrDefault(step, "step " + (step + 1));
    }

    private static LogLevel level(StepStatus status) {
        return switch (status) {
            case FAILED -> LogLevel.ERROR;
            case SKIPPED -> LogLevel.WARN;
            default -> LogLevel.INFO;
        };
    }
}
