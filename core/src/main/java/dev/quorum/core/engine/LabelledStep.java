package dev.quorum.core.engine;

import java.util.List;

/**
 * A step whose title says what it acts on, e.g. "events cluster: Preflight ...": a plan that runs the same steps
 * for two things (install's main and events clusters, decision 0038) reads unambiguously in every front end.
 */
public record LabelledStep(String label, Step step) implements Step {
    @Override
    public String title() {
        return label + ": " + step.title();
    }

    @Override
    public List<String> preview(String target) {
        return step.preview(target);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return step.check(context);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        step.apply(context);
    }

    @Override
    public void verify(StepContext context) throws Exception {
        step.verify(context);
    }
}
