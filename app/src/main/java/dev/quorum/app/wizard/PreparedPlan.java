package dev.quorum.app.wizard;

import dev.quorum.core.engine.Plan;
import java.util.List;

/**
 * A core plan ready to review and run, and what to tell the user once it has run well (the same
 * lines the CLI prints afterwards).
 */
public record PreparedPlan(Plan plan, List<String> afterwards) {
    public PreparedPlan {
        afterwards = List.copyOf(afterwards);
    }
}
