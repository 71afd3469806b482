package dev.quorum.core.remote;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asked before work on each host starts; work already running is left to finish. */
@FunctionalInterface
public interface Cancellation {

    Cancellation NONE = () -> false;

    boolean isCancelled();

    /** Cancelled once {@code flag} is set, e.g. by a Cancel button. */
    static Cancellation of(AtomicBoolean flag) {
        return flag::get;
    }
}
