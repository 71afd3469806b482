package dev.quorum.core.engine;

import java.util.List;
import java.util.Objects;

/**
 * A step and the targets it runs on, in parallel. A cluster-wide step has the single target
 * {@link #CLUSTER}. A step planned {@link #alongside} the one before it runs at the same time as
 * that step, not after it: only for steps that neither depend on it nor do harm when it fails
 * (the run stops after both), e.g. preparing a new host while the old one is retired.
 */
public record PlannedStep(Step step, List<String> targets, boolean withPrevious) {
    public static final String CLUSTER = "cluster";

    public PlannedStep {
        Objects.requireNonNull(step, "step");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one target: " + step.title());
        }
    }

    public PlannedStep(Step step, List<String> targets) {
        this(step, targets, false);
    }

    public static PlannedStep onCluster(Step step) {
        return new PlannedStep(step, List.of(CLUSTER));
    }

    public static PlannedStep onEach(Step step, List<String> hosts) {
        return new PlannedStep(step, hosts);
    }

    /** This step, run at the same time as the step before it in the plan. */
    public PlannedStep alongside() {
        return new PlannedStep(step, targets, true);
    }
}
