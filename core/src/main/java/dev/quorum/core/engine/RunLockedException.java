package dev.quorum.core.engine;

import dev.quorum.core.ActionableException;

/** Another run holds the cluster's {@link RunLock}: this one changed nothing. */
public final class RunLockedException extends ActionableException {
    RunLockedException(Plan plan, String holder) {
        super("another Quorum run is changing cluster " + plan.cluster() + " from this workstation ("
                        + (holder.isBlank() ? "it did not say which" : holder) + "): this " + plan.lifecycle()
                        + " did not start, nothing was changed",
                "wait until that run has finished (or cancel it where it runs), then start this one again");
    }
}
