package dev.quorum.core.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A step over an in-memory "world": a target is done once applied. Pure logic, for engine tests. */
class FakeStep implements Step {
    final Set<String> done = ConcurrentHashMap.newKeySet();
    final AtomicInteger applies = new AtomicInteger();
    final Set<String> failOn = ConcurrentHashMap.newKeySet();
    final Set<String> applyWithoutEffect = ConcurrentHashMap.newKeySet();
    private final String title;

    FakeStep(String title) {
        this.title = title;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> preview(String target) {
        return List.of("touch " + target);
    }

    @Override
    public Check check(StepContext context) {
        return done.contains(context.target()) ? Check.done("present") : Check.needed("absent");
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        applies.incrementAndGet();
        if (failOn.contains(context.target())) {
            throw new StepFailedException("disk full on " + context.target(), "free some space");
        }
        context.info("touching " + context.target());
        if (!applyWithoutEffect.contains(context.target())) {
            done.add(context.target());
        }
    }
}
