package dev.quorum.core.lifecycle.recovery;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recovery works only while a majority has a leader: membership changes need quorum. Without it
 * the guard refuses and points to a restore. It waits out one election first, since a leader that
 * was just cut off leaves the cluster without a leader for up to two election timeouts.
 */
final class QuorumGuardStep implements Step {
    static final Duration ELECTION_WAIT = Duration.ofSeconds(15);

    private final Supplier<Diagnosis> diagnose;
    private final String inventoryArg;

    QuorumGuardStep(Supplier<Diagnosis> diagnose, String inventoryArg) {
        this.diagnose = diagnose;
        this.inventoryArg = inventoryArg;
    }

    @Override
    public String title() {
        return "Check the cluster has quorum";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint status --cluster   # a majority of voters must have a leader");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Diagnosis d = DiagnosisWait.until(diagnose, x -> x.verdict() != Verdict.QUORUM_LOST, ELECTION_WAIT,
                context.cancellation());
        if (d.verdict() == Verdict.QUORUM_LOST) {
            throw new StepFailedException(d.sentence(), "recovery needs a majority; if the lost members are gone "
                    + "for good, restore: quorum restore -i " + inventoryArg + " --snapshot FILE");
        }
        return Check.done(d.sentence());
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
