package dev.quorum.core.lifecycle.install;

import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.List;

/** Says what the member count means for failure tolerance; warns on an even count. */
final class ClusterShapeStep extends ClusterStep {

    ClusterShapeStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Check the member count";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# " + session.members().size() + " members, quorum " + (session.members().size() / 2 + 1));
    }

    @Override
    public Check check(StepContext context) {
        int size = session.members().size();
        int tolerance = (size - 1) / 2;
        if (size % 2 == 0) {
            context.warn(size + " members tolerate " + tolerance + " failure" + (tolerance == 1 ? "" : "s")
                    + ", no more than " + (size - 1) + " would; an odd count is recommended");
        }
        if (size == 1) {
            context.warn("a single member tolerates no failure; use 3 or 5 for production");
        }
        return Check.done(size + " members, quorum " + (size / 2 + 1) + ", tolerates " + tolerance
                + (tolerance == 1 ? " failure" : " failures"));
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("only checks");
    }
}
