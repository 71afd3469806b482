package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the versions again when it runs and refuses, before anything changed, what {@link EventsVersionGate} refuses:
 * a restart of an events member onto a binary it cannot take (decision 0043).
 */
final class EventsVersionGuardStep implements Step {
    private final String title;
    private final List<String> preview;
    private final Supplier<List<UpgradeRefusal>> gate;

    EventsVersionGuardStep(String title, List<String> preview, Supplier<List<UpgradeRefusal>> gate) {
        this.title = title;
        this.preview = List.copyOf(preview);
        this.gate = gate;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> preview(String target) {
        return preview;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<UpgradeRefusal> refusals = gate.get();
        if (!refusals.isEmpty()) {
            throw new StepFailedException("refused, nothing was changed: " + refusals.stream()
                    .map(UpgradeRefusal::reason).collect(Collectors.joining("; ")),
                    refusals.stream().map(UpgradeRefusal::hint).distinct().collect(Collectors.joining("; ")));
        }
        return Check.done("the events cluster can follow the shared etcd binary");
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
