package dev.quorum.app.wizard;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.IgnoredVariable;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.util.List;
import java.util.Optional;

/**
 * A core plan ready to review and run, and what to tell the user once it has run well (the same
 * lines the CLI prints afterwards).
 *
 * @param ignored the inventory's etcd_* variables Quorum does not use, shown on the review page (install, upgrade)
 */
public record PreparedPlan(Plan plan, List<String> afterwards, List<IgnoredVariable> ignored,
                           Optional<FollowUp> followUp) {
    public PreparedPlan {
        afterwards = List.copyOf(afterwards);
        ignored = List.copyOf(ignored);
    }

    public PreparedPlan(Plan plan, List<String> afterwards, List<IgnoredVariable> ignored) {
        this(plan, afterwards, ignored, Optional.empty());
    }

    /** The same plan, offering {@code next} on the result page once it ran well. */
    public PreparedPlan offering(FollowUp next) {
        return new PreparedPlan(plan, afterwards, ignored, Optional.of(next));
    }

    public PreparedPlan(Plan plan, List<String> afterwards) {
        this(plan, afterwards, List.of());
    }

    /** A membership change, with the lines the CLI prints after it (where to point clients). */
    public static PreparedPlan of(MemberChange change) {
        return new PreparedPlan(change.plan(), change.afterwards());
    }
}
