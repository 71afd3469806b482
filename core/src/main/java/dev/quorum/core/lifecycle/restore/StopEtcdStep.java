package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.UnitState;
import dev.quorum.core.remote.Shell;
import java.util.List;

/**
 * Stops etcd wherever it still runs on a host of the new cluster: a member without quorum
 * serves nothing, and its data dir is about to be moved aside. A host that already runs the
 * restored data is left alone, so a re-run never stops the restored cluster.
 */
final class StopEtcdStep extends RestoreHostStep {
    /**
     * One stop at a time: etcd stopping as leader first hands leadership on and waits up to its request timeout (5 s +
     * 2 x election timeout: 15 s with Kubespray's) for a member to take it; stopped together, every candidate is
     * stopping too and the whole timeout passes. One after another, each leader finds a running member that takes
     * over at once, or none left to ask.
     */
    private final Object oneStopAtATime = new Object();

    StopEtcdStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Stop " + restore.unit() + " where it still runs";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl stop " + restore.unit());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (restore.snapshotKnown() && restore.restoredHere(context.target())) {
            return Check.done("already runs the restored data");
        }
        UnitState state = UnitState.ask(remote(context), restore.unit());
        return state.stopped() ? Check.done(restore.unit() + " not running (" + state.word() + ")")
                : Check.needed(restore.unit() + " is " + state.word());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        synchronized (oneStopAtATime) {
            remote(context).run("systemctl stop " + Shell.quote(restore.unit()) + " 2>&1")
                    .requireOk("stop " + restore.unit() + " on " + context.target());
        }
    }
}
