package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Step;

/** A step run once for the whole cluster, with access to the install session. */
public abstract class ClusterStep implements Step {
    protected final LifecycleSession session;

    public ClusterStep(LifecycleSession session) {
        this.session = session;
    }
}
