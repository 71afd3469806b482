package dev.quorum.core.lifecycle.install;

import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.Inventory;
import java.util.List;
import java.util.Optional;

/**
 * Says what the member count means for failure tolerance; refuses an even count unless the inventory sets
 * {@code quorum_allow_even_members: true} ({@link MemberCountRule}), and then warns.
 */
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
    public Check check(StepContext context) throws StepFailedException {
        int size = session.members().size();
        int tolerance = MemberCountRule.tolerance(size);
        boolean evenAllowed = session.cluster().inventory().allowsEvenMemberCount();
        Optional<StepFailedException> refusal = MemberCountRule.refusal(size, evenAllowed);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (size % 2 == 0) {
            context.warn(size + " members tolerate " + MemberCountRule.failures(tolerance) + ", no more than "
                    + (size - 1) + " would; installing them as " + Inventory.ALLOW_EVEN_MEMBERS + " asks");
        }
        if (size == 1) {
            context.warn("a single member tolerates no failure; use 3 or 5 for production");
        }
        return Check.done(size + " members, quorum " + (size / 2 + 1) + ", tolerates "
                + MemberCountRule.failures(tolerance));
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("only checks");
    }
}
