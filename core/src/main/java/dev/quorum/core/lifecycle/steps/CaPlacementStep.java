package dev.quorum.core.lifecycle.steps;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A step that puts a CA (or the old and new ones of a rotation) into a file on each host. What it wants is asked
 * for when the step runs, not when the plan is built: the new CA may be created by an earlier step of the same run,
 * and until then a preview or check says what will happen.
 */
abstract class CaPlacementStep extends HostStep {
    private final String title;
    protected final Supplier<Optional<CaTrust>> wanted;

    CaPlacementStep(LifecycleSession session, String title, Supplier<Optional<CaTrust>> wanted) {
        super(session);
        this.title = title;
        this.wanted = wanted;
    }

    @Override
    public final String title() {
        return title;
    }
}
