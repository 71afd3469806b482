package dev.quorum.core.engine.report;

import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.StepStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one renderer of run events: each event as the line every face shows (the terminal lays the same words out
 * its own way). Output lines carry only the step's number, so the titles seen in StepStarted events are
 * remembered (events may come from several threads).
 */
public final class RunLines {
    private final Map<Integer, String> stepTitles = new ConcurrentHashMap<>();
    private volatile RunMode mode = RunMode.APPLY;

    public Optional<LogLine> of(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            stepTitles.clear();
            mode = s.mode();
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
        if (event instanceof RunEvent.TargetFinished f && shows(f)) {
            return Optional.of(new LogLine(f.time(), f.target(), title(f.step()), level(f.status()), result(f)));
        }
        if (event instanceof RunEvent.RunFinished f) {
            return Optional.of(new LogLine(f.time(), "", "", f.outcome() == RunOutcome.SUCCEEDED
                    ? LogLevel.INFO : LogLevel.ERROR, "run " + lower(f.outcome().name()) + " in "
                    + f.took().toMillis() + " ms: " + RunVerdict.counts(mode, f.summary())));
        }
        return Optional.empty(); // StepFinished: its targets' lines already said it
    }

    /**
     * Whether a target's result is a line of its own: a target the run never reached is not (the counts and the
     * step x host table say it), one that started is.
     */
    public static boolean shows(RunEvent.TargetFinished f) {
        return f.status() != StepStatus.NOT_RUN;
    }

    /** A target's result with its reason: the check's reason is the state before a change. */
    public static String result(RunEvent.TargetFinished f) {
        String word = TargetState.of(f.status()).word();
        String text = switch (f.status()) {
            case CHANGED -> word + (f.message().isBlank() ? "" : " (before: " + f.message() + ")");
            default -> word + (f.message().isBlank() ? "" : ": " + f.message());
        };
        return text + (f.hint().isBlank() ? "" : " (what to do: " + f.hint() + ")");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private String title(int step) {
        return stepTitles.getOrDefault(step, "step " + (step + 1));
    }

    private static LogLevel level(StepStatus status) {
        return switch (status) {
            case FAILED -> LogLevel.ERROR;
            case SKIPPED, NOT_RUN -> LogLevel.WARN;
            default -> LogLevel.INFO;
        };
    }
}
