package dev.quorum.core.lifecycle.install;

import dev.quorum.core.engine.Step;

/** A step run once for the whole cluster, with access to the install session. */
abstract class ClusterStep implements Step {
    protected final InstallSession session;

    protected ClusterStep(InstallSession session) {
        this.session = session;
    }
}
