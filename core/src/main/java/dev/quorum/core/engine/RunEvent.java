package dev.quorum.core.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Everything a run reports, in order. The CLI prints these; the app shows them; the run log stores them. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(RunEvent.RunStarted.class),
        @JsonSubTypes.Type(RunEvent.StepStarted.class),
        @JsonSubTypes.Type(RunEvent.TargetOutput.class),
        @JsonSubTypes.Type(RunEvent.TargetFinished.class),
        @JsonSubTypes.Type(RunEvent.StepFinished.class),
        @JsonSubTypes.Type(RunEvent.RunFinished.class)})
public sealed interface RunEvent {

    Instant time();

    record RunStarted(Instant time, String runId, String lifecycle, String cluster, RunMode mode,
                      List<String> stepTitles) implements RunEvent {
    }

    record StepStarted(Instant time, int step, String title, List<String> targets) implements RunEvent {
    }

    record TargetOutput(Instant time, int step, String target, LogLevel level, String line) implements RunEvent {
    }

    record TargetFinished(Instant time, int step, String target, StepStatus status, String message,
                          String hint, Duration took) implements RunEvent {
    }

    record StepFinished(Instant time, int step, String title, StepStatus status) implements RunEvent {
    }

    record RunFinished(Instant time, RunOutcome outcome, RunSummary summary, Duration took) implements RunEvent {
    }
}
