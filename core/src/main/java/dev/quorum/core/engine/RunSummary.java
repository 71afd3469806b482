package dev.quorum.core.engine;

/** Counts of target results over a whole run. */
public record RunSummary(int ok, int changed, int pending, int failed, int skipped) {

    public static RunSummary empty() {
        return new RunSummary(0, 0, 0, 0, 0);
    }

    public RunSummary plus(StepStatus status) {
        return switch (status) {
            case OK -> new RunSummary(ok + 1, changed, pending, failed, skipped);
            case CHANGED -> new RunSummary(ok, changed + 1, pending, failed, skipped);
            case PENDING -> new RunSummary(ok, changed, pending + 1, failed, skipped);
            case FAILED -> new RunSummary(ok, changed, pending, failed + 1, skipped);
            case SKIPPED, NOT_RUN -> new RunSummary(ok, changed, pending, failed, skipped + 1);
        };
    }

    /** Both counts together: a change made of several plans run one after the other. */
    public RunSummary plus(RunSummary other) {
        return new RunSummary(ok + other.ok, changed + other.changed, pending + other.pending,
                failed + other.failed, skipped + other.skipped);
    }

    public boolean nothingChanged() {
        return changed == 0 && pending == 0;
    }
}
