package dev.quorum.core.engine;

import java.util.List;
import java.util.Objects;

/**
 * A step and the targets it runs on, in parallel. A cluster-wide step has the single target
 * {@link #CLUSTER}.
 */
public record PlannedStep(Step step, List<String> targets) {
    public static final String CLUSTER = "cluster";

    public PlannedStep {
        Objects.requireNonNull(step, "step");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one target: " + step.title());
        }
    }

    public static PlannedStep onCluster(Step step) {
        return new PlannedStep(step, List.of(CLUSTER));
    }

    public static PlannedStep onEach(Step step, List<String> hosts) {
        return new PlannedStep(step, hosts);
    }
}
