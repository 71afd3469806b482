package dev.quorum.core.engine;

public enum RunOutcome {
    SUCCEEDED, FAILED, CANCELLED
}
