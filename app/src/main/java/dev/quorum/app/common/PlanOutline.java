package dev.quorum.app.common;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as an operator reads it before saying yes: each step, its hosts, and the commands it
 * amounts to. {@code --plan} prints it; the wizards' review page lists it.
 */
public record PlanOutline(String lifecycle, String cluster, List<Step> steps) {

    /** @param number 1-based, as printed */
    public record Step(int number, String title, List<String> targets, List<String> commands) {
        public Step {
            targets = List.copyOf(targets);
            commands = List.copyOf(commands);
        }
    }

    public PlanOutline {
        steps = List.copyOf(steps);
    }

    /** The commands shown are those of the step's first target, as the others differ only by host. */
    public static PlanOutline of(Plan plan) {
        List<Step> steps = new ArrayList<>();
        int number = 1;
        for (PlannedStep planned : plan.steps()) {
            steps.add(new Step(number++, planned.step().title(), planned.targets(),
                    planned.step().preview(planned.targets().get(0))));
        }
        return new PlanOutline(plan.lifecycle(), plan.cluster(), steps);
    }

    /** Every target of the plan once, in the order they first appear. */
    public List<String> targets() {
        return steps.stream().flatMap(s -> s.targets().stream()).distinct().toList();
    }
}
