package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.intent.Intent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recovery works only while a majority has a leader: membership changes need quorum. Without it
 * the guard refuses and points to a restore, unless the plan brings quorum back by starting members
 * that are only stopped (decision 0072): then the hosts must still show that, for the same members.
 * When too few members could be asked to tell, it refuses and names them. It watches for two
 * election timeouts first, since a leader that was just cut off leaves the cluster without a leader
 * for up to that long.
 */
final class QuorumGuardStep implements Step {
    private final Supplier<Diagnosis> diagnose;
    private final Duration settleTime;
    private final String inventoryArg;
    private final Optional<QuorumReturn> planned;

    /** @param planned how the plan brings quorum back, when it was lost as the plan was made */
    QuorumGuardStep(Supplier<Diagnosis> diagnose, Duration settleTime, String inventoryArg,
                    Optional<QuorumReturn> planned) {
        this.diagnose = diagnose;
        this.settleTime = settleTime;
        this.inventoryArg = inventoryArg;
        this.planned = planned;
    }

    static Duration settleTime(ClusterSession cluster) {
        return Diagnosis.settleTime(cluster.inventory().etcd().electionMillis());
    }

    @Override
    public String title() {
        return planned.isPresent() ? "Check that starting the stopped members brings quorum back"
                : "Check the cluster has quorum";
    }

    @Override
    public List<String> preview(String target) {
        return List.of(planned.isPresent()
                ? "etcdctl endpoint status   # on each member's host: the same members stopped, their data intact"
                : "etcdctl endpoint status   # on each member's host: a majority of voters must have a leader");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        // starting members that are only stopped loses nothing, so a plan that does needs no settled loss
        Diagnosis d = DiagnosisWait.until(diagnose, x -> x.hasQuorum() || planned.isPresent()
                && x.quorumReturn().isPresent(), settleTime, context.cancellation());
        try {
            requireQuorum(d, inventoryArg);
        } catch (RecoveryException refused) {
            throw new StepFailedException(refused.getMessage(), refused.hint());
        }
        if (!d.hasQuorum() && !d.quorumReturn().map(QuorumReturn::hosts).equals(planned.map(QuorumReturn::hosts))) {
            throw new StepFailedException("the cluster changed since this plan was made: " + d.sentence()
                    + ". Nothing was changed", "run quorum recover -i " + inventoryArg + " again for a plan of "
                    + "the cluster as it is now");
        }
        return Check.done(d.sentence());
    }

    /**
     * Refuses unless the members' own hosts show a majority with a leader, or that starting members with intact
     * data brings one back; says what is known and what is not.
     */
    static void requireQuorum(Diagnosis d, String inventoryArg) throws RecoveryException {
        if (d.hasQuorum() || d.quorumReturn().isPresent()) {
            return;
        }
        // a fix recover cannot make (a renewal, a new CA, space freed, a unit enabled) comes before any restore
        Optional<RecommendedAction> operatorFix = d.actions().stream().filter(a -> a.intent()
                instanceof Intent.RenewCertificates || a.intent() instanceof Intent.RotateCa
                || a.intent() instanceof Intent.Manual).findFirst();
        if (d.verdict() == Verdict.QUORUM_LOST && operatorFix.isPresent()) {
            throw new RecoveryException(d.sentence(), "nothing was changed: recovery needs a majority of members "
                    + "with a leader, and what keeps these down is not for recover to fix; " + operatorFix.get().title()
                    + ": " + operatorFix.get().command());
        }
        if (d.verdict() == Verdict.QUORUM_LOST) {
            throw new RecoveryException(d.sentence(), "recovery needs a majority of members with a leader; "
                    + "bring the lost members back, or if they are gone for good restore from a snapshot: "
                    + "quorum restore -i " + inventoryArg + " --snapshot FILE");
        }
        throw new RecoveryException(d.sentence(), "nothing was changed: recovery acts only when the members' "
                + "own hosts show a majority with a leader; reach " + String.join(", ",
                d.quorum().unknown().keySet().stream().sorted().toList()) + " (SSH, network, power) and run "
                + "quorum diagnose -i " + inventoryArg + " again");
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
