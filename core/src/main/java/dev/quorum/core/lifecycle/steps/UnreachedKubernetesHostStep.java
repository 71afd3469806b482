package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import java.util.List;
import java.util.Map;

/**
 * Names each Kubernetes host that was not reached when the plan was made: it gets no node certificate and no
 * system trust, and kube-apiserver there cannot use etcd until it has them. Changes nothing and never fails, so
 * the etcd members' run still succeeds (decision 0029); the warning says what to do.
 */
public final class UnreachedKubernetesHostStep implements Step {
    private final Map<String, String> unreached;
    private final String rerun;

    /** @param rerun the command that finishes the job once the host answers, e.g. "quorum install -i hosts.yaml" */
    public UnreachedKubernetesHostStep(Map<String, String> unreached, String rerun) {
        this.unreached = Map.copyOf(unreached);
        this.rerun = rerun;
    }

    @Override
    public String title() {
        return "Kubernetes hosts NOT reached: no node certificate placed";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# " + target + " did not answer over SSH: " + unreached.getOrDefault(target, "unknown"),
                "# once it does: " + rerun);
    }

    @Override
    public Check check(StepContext context) {
        String host = context.target();
        context.warn("NOT reached (" + unreached.getOrDefault(host, "unknown") + "): no ca.pem, node-" + host
                + ".pem or system trust placed there; kube-apiserver on " + host + " cannot use etcd with them");
        return Check.done("NOT reached, nothing placed: once it answers over SSH, run " + rerun
                + " again (the rest checks as done)");
    }

    @Override
    public void apply(StepContext context) {
        // check() never asks for a change: there is nothing to do on a host that cannot be reached.
    }
}
