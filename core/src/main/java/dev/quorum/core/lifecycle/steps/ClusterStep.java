package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** A step run once for the whole cluster, with access to the install session. */
public abstract class ClusterStep implements Step {
    /** How long a change may take to reach the member a check asks. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration SETTLE_POLL = Duration.ofMillis(100);

    protected final LifecycleSession session;

    public ClusterStep(LifecycleSession session) {
        this.session = session;
    }

    /**
     * Cluster state reaches each member through raft a moment after the member that made the
     * change answered, and etcd 3.4 serves the member list from the member asked: a check right
     * after a change may see the state before it. Check again, briefly, before calling it failed.
     */
    @Override
    public void verify(StepContext context) throws Exception {
        verifySettled(context, () -> check(context));
    }

    /** Asks {@code ask} until it says done, for at most {@link #SETTLE}; fails with its last reason. */
    protected final void verifySettled(StepContext context, Callable<Check> ask) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        Check after = ask.call();
        while (after.needed() && Instant.now().isBefore(deadline)) {
            context.cancellation().sleep(SETTLE_POLL);
            after = ask.call();
        }
        if (after.needed()) {
            throw new StepFailedException("the change did not take effect: " + after.reason());
        }
    }
}
