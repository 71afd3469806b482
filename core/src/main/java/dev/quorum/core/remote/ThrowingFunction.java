package dev.quorum.core.remote;

/** Work on one host that may fail with any exception; {@link FanOut} records it per host. */
@FunctionalInterface
public interface ThrowingFunction<A, R> {
    R apply(A argument) throws Exception;
}
