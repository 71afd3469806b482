package dev.quorum.core.engine;

/** Receives a run's events, possibly from several threads at once: implementations must be thread-safe. */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);

    static RunListener all(RunListener... listeners) {
        return event -> {
            for (RunListener listener : listeners) {
                listener.on(event);
            }
        };
    }
}
