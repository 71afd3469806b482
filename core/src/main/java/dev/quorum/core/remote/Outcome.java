package dev.quorum.core.remote;

import java.util.concurrent.CancellationException;

/**
 * What the work on one host came to: a value (possibly null, for work that returns nothing)
 * or the exception it failed with.
 */
public record Outcome<T>(T value, Exception error) {

    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failure(Exception error) {
        if (error == null) {
            throw new IllegalArgumentException("a failure needs its exception");
        }
        return new Outcome<>(null, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** True when the host was skipped because the run was cancelled before it started. */
    public boolean cancelled() {
        return error instanceof CancellationException;
    }

    /** The value, or the failure rethrown (unchecked ones as they are). */
    public T valueOrThrow() {
        if (error == null) {
            return value;
        }
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(error.getMessage(), error);
    }
}
