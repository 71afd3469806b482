package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import java.util.stream.Collectors;

/** Observes the cluster again and asks the planner: a refusal fails the run here, before anything changed. */
final class UpgradeGuardStep extends ClusterStep {
    private final EtcdVersion target;
    private final UpgradeRequest request;
    private volatile boolean nothingToDo;

    UpgradeGuardStep(LifecycleSession session, EtcdVersion target, UpgradeRequest request) {
        super(session);
        this.target = target;
        this.request = request;
    }

    @Override
    public String title() {
        return switch (request.kind()) {
            case ROLLBACK -> "Check the cluster can be rolled back (mixed, old binaries kept)";
            case DOWNGRADE -> "Check the downgrade to " + target + " is allowed (one minor back, 3.6 or later)";
            case UPGRADE -> "Check the upgrade to " + target + " is allowed";
        };
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint status --cluster -w table   # every member healthy, its version",
                "etcdctl alarm list   # none",
                "df -Pk <bin_dir> /var <data_dir>   # room for the binaries",
                request.downgrade() ? "etcdctl --endpoints=<each newer member> endpoint status -w json   # storage version, "
                        + "downgrade state" : "etcdutl check v2store --data-dir <data_dir>   # 3.5 -> 3.6 only");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        ObservedCluster observed = UpgradeObserver.observe(session, LiveCluster.read(session.cluster()), target,
                request);
        UpgradeDecision decision = UpgradePlanner.decide(observed, target, request);
        if (decision instanceof UpgradeDecision.Refused refused) {
            throw new StepFailedException("refused, nothing was changed: " + refused.refusals().stream()
                    .map(UpgradeRefusal::reason).collect(Collectors.joining("; ")),
                    refused.refusals().stream().map(UpgradeRefusal::hint).distinct().collect(Collectors.joining("; ")));
        }
        UpgradeShape shape = ((UpgradeDecision.Proceed) decision).shape();
        nothingToDo = shape.nothingToDo();
        if (shape.nothingToDo()) {
            return Check.done("every member runs " + shape.target() + ": nothing to do");
        }
        return Check.done((shape.rollback() ? "rollback " : shape.downgrade() ? "downgrade " : "")
                + shape.path().describe() + ": "
                + String.join(", ", shape.pending()) + " to go, in the order " + String.join(", ", shape.order())
                + (shape.v2WalWorkaround().isEmpty() ? "" : "; v2 records in the WAL of "
                + String.join(", ", shape.v2WalWorkaround()) + " are snapshotted first"));
    }

    /** The last check found every member on the target. */
    boolean nothingToDo() {
        return nothingToDo;
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
