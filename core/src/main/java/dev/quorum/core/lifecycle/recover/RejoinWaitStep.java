package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Members cut off by a partition rejoin by themselves once it heals (log replay, or a snapshot
 * from the leader): this step waits for that, bounded, and confirms with a fresh diagnosis.
 */
final class RejoinWaitStep implements Step {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<Diagnosis> diagnose;
    private final Duration timeout;

    RejoinWaitStep(Supplier<Diagnosis> diagnose, Duration timeout) {
        this.diagnose = diagnose;
        this.timeout = timeout;
    }

    @Override
    public String title() {
        return "Wait until every member has rejoined and caught up";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint status --cluster   # every member with the same leader, none behind");
    }

    @Override
    public Check check(StepContext context) {
        Diagnosis d = diagnose.get();
        return d.verdict() == Verdict.HEALTHY ? Check.done(d.sentence()) : Check.needed(d.sentence());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        context.info("waiting up to " + timeout.toSeconds() + " s for the members to rejoin");
        Diagnosis d = DiagnosisWait.until(diagnose, x -> x.verdict() == Verdict.HEALTHY, timeout,
                context.cancellation());
        if (d.verdict() != Verdict.HEALTHY) {
            String stuck = d.members().stream().filter(m -> !m.healthy())
                    .map(m -> m.host() + ": " + m.problems().get(0).text()).collect(Collectors.joining("; "));
            String hint = d.actions().stream().filter(a -> !(a.intent() instanceof Intent.Recover)).findFirst()
                    .map(a -> a.title() + ": " + a.command())
                    .orElse("fix what quorum diagnose shows, then run quorum recover again");
            throw new StepFailedException("not every member rejoined within " + timeout.toSeconds() + " s: " + stuck,
                    hint);
        }
    }
}
