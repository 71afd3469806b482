package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.PlannedStep;
import java.util.ArrayList;
import java.util.List;

/** The planned steps of a {@link KubernetesHostsPlan}, for install and adopt to append after the etcd members' steps. */
public final class KubernetesHostSteps {
    private KubernetesHostSteps() {
    }

    /**
     * Node certificates first (the hosts then hold ca.pem), then the system trust, then the hosts left out.
     *
     * @param rerun the command that completes the job, for the hosts left out
     */
    public static List<PlannedStep> of(LifecycleSession session, KubernetesHostsPlan plan, String rerun) {
        List<PlannedStep> steps = new ArrayList<>();
        if (!plan.nodeCertificateHosts().isEmpty()) {
            steps.add(PlannedStep.onEach(new NodeCertificateStep(session), plan.nodeCertificateHosts()));
        }
        if (!plan.trustHosts().isEmpty()) {
            steps.add(PlannedStep.onEach(new SystemTrustStep(session), plan.trustHosts()));
        }
        if (!plan.unreached().isEmpty()) {
            steps.add(PlannedStep.onEach(new UnreachedKubernetesHostStep(plan.unreached(), rerun),
                    List.copyOf(plan.unreached().keySet())));
        }
        return steps;
    }
}
