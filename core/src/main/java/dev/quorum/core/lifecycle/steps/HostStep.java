package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.RemoteHost;

/** A step run on each etcd host, with access to the install session. */
public abstract class HostStep implements Step {
    protected final LifecycleSession session;

    public HostStep(LifecycleSession session) {
        this.session = session;
    }

    protected RemoteHost remote(StepContext context) throws Exception {
        return session.remote(context.target());
    }

    protected EtcdMember member(StepContext context) {
        return session.member(context.target());
    }
}
