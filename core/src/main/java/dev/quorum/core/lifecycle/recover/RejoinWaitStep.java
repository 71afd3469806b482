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
 * from the leader): this step waits for that, bounded, and confirms with a fresh diagnosis. After
 * members were started without quorum and some cannot come back that way, it waits for quorum only:
 * recover, run again, has quorum to act on the rest.
 */
final class RejoinWaitStep implements Step {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** What the wait is for. */
    enum Goal { EVERY_MEMBER, QUORUM }

    private final Supplier<Diagnosis> diagnose;
    private final Duration timeout;
    private final Goal goal;

    RejoinWaitStep(Supplier<Diagnosis> diagnose, Duration timeout, Goal goal) {
        this.diagnose = diagnose;
        this.timeout = timeout;
        this.goal = goal;
    }

    @Override
    public String title() {
        return goal == Goal.QUORUM ? "Wait until a majority of the members serves with a leader again"
                : "Wait until every member has rejoined and caught up";
    }

    @Override
    public List<String> preview(String target) {
        return List.of(goal == Goal.QUORUM ? "etcdctl endpoint status   # on each member's host: a majority with a leader"
                : "etcdctl endpoint status --cluster   # every member with the same leader, none behind");
    }

    /** Every member serves, but for those taken out of service on their hosts: recover never starts them. */
    private boolean reached(Diagnosis d) {
        return goal == Goal.QUORUM ? d.hasQuorum() : d.verdict() == Verdict.HEALTHY
                || d.hasQuorum() && d.members().stream().allMatch(m -> m.healthy() || m.takenOutOfService());
    }

    @Override
    public Check check(StepContext context) {
        Diagnosis d = diagnose.get();
        if (!reached(d)) {
            return Check.needed(d.sentence());
        }
        d.members().stream().filter(MemberDiagnosis::takenOutOfService).forEach(m -> context.warn("etcd stays "
                + "stopped on " + m.host() + ": its unit is disabled or masked; if that was not on purpose, enable it "
                + "there and run recover again"));
        return Check.done(d.sentence());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        context.info("waiting up to " + timeout.toSeconds() + " s for " + (goal == Goal.QUORUM ? "a majority"
                : "the members") + " to rejoin");
        Diagnosis d = DiagnosisWait.until(diagnose, this::reached, timeout, context.cancellation());
        if (!reached(d)) {
            String stuck = d.members().stream().filter(m -> !m.healthy())
                    .map(m -> m.host() + ": " + m.problems().get(0).text()).collect(Collectors.joining("; "));
            String hint = d.actions().stream().filter(a -> !(a.intent() instanceof Intent.Recover)).findFirst()
                    .map(a -> a.title() + ": " + a.command())
                    .orElse("fix what quorum diagnose shows, then run quorum recover again");
            throw new StepFailedException((goal == Goal.QUORUM ? "quorum did not return" : "not every member rejoined")
                    + " within " + timeout.toSeconds() + " s: " + stuck, hint);
        }
    }
}
