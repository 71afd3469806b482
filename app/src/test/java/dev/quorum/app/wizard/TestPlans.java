package dev.quorum.app.wizard;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** In-memory steps and plan sources for unit tests of the wizard's logic (no hosts involved). */
final class TestPlans {
    private TestPlans() {
    }

    /** A step that is done once applied on a target; {@code during} runs inside apply. */
    static final class MemoryStep implements Step {
        final String title;
        final Set<String> done = ConcurrentHashMap.newKeySet();
        final Consumer<StepContext> during;

        MemoryStep(String title) {
            this(title, context -> { });
        }

        MemoryStep(String title, Consumer<StepContext> during) {
            this.title = title;
            this.during = during;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public List<String> preview(String target) {
            return List.of("touch /tmp/" + title.replace(' ', '-') + " # on " + target);
        }

        @Override
        public Check check(StepContext context) {
            return done.contains(context.target()) ? Check.done("already there") : Check.needed("missing");
        }

        @Override
        public void apply(StepContext context) throws StepFailedException {
            context.info("writing " + title);
            during.accept(context);
            if (title.startsWith("fail")) {
                throw new StepFailedException("disk full", "free some space and run again");
            }
            done.add(context.target());
        }
    }

    /** A source of one fixed plan; remembers whether it was closed. */
    static final class FixedSource implements PlanSource {
        final Plan plan;
        volatile boolean closed;
        int builds;

        FixedSource(Step... steps) {
            this.plan = new Plan("test", "demo", java.util.Arrays.stream(steps)
                    .map(s -> PlannedStep.onEach(s, List.of("h1", "h2"))).toList());
        }

        @Override
        public PreparedPlan build(int part) {
            builds++;
            return new PreparedPlan(plan, List.of("Update your clients."));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
