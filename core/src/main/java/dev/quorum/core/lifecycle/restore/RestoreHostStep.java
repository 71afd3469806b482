package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.HostStep;
import java.util.Optional;

/** A step on each host of the restored cluster; done on a host that already holds the restored data. */
abstract class RestoreHostStep extends HostStep {
    protected final RestoreSession restore;

    RestoreHostStep(RestoreSession restore) {
        super(restore.life);
        this.restore = restore;
    }

    /** Done when the host already holds the restored data, or (preview) not knowable yet. */
    protected Optional<Check> alreadyRestored(StepContext context) throws Exception {
        if (!restore.snapshotKnown()) {
            return Optional.of(Check.needed("once the survivor's database is copied"));
        }
        if (restore.restoredHere(context.target())) {
            return Optional.of(Check.done("already holds the restored data of this snapshot"));
        }
        return Optional.empty();
    }
}
