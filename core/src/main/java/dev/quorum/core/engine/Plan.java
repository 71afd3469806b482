package dev.quorum.core.engine;

import java.util.List;

/**
 * What a life-cycle will do, in order. The same plan is previewed by {@code --plan} and the
 * wizards' review page, and run by {@link Runner}.
 *
 * @param lifecycle e.g. "install"
 * @param cluster   the cluster's name
 */
public record Plan(String lifecycle, String cluster, List<PlannedStep> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }
}
