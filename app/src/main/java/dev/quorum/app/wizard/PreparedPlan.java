package dev.quorum.app.wizard;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.util.List;

/**
 * A core plan ready to review and run, and what to tell the user once it has run well (the same
 * lines the CLI prints afterwards).
 */
public record PreparedPlan(Plan plan, List<String> afterwards) {
    public PreparedPlan {
        afterwards = List.copyOf(afterwards);
    }

    /** A membership change, with the lines the CLI prints after it (where to point clients). */
    public static PreparedPlan of(MemberChange change) {
        return new PreparedPlan(change.plan(), change.afterwards());
    }
}
