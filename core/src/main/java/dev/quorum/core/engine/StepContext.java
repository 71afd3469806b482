package dev.quorum.core.engine;

/** What a running step may use: its target, a log that reaches the user, and cancellation. */
public interface StepContext {

    /** The host name the step runs on, or {@link PlannedStep#CLUSTER} for cluster-wide steps. */
    String target();

    void log(LogLevel level, String line);

    default void info(String line) {
        log(LogLevel.INFO, line);
    }

    default void warn(String line) {
        log(LogLevel.WARN, line);
    }

    Cancellation cancellation();
}
