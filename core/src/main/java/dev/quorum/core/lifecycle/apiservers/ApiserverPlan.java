package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.engine.Plan;
import java.util.List;
import java.util.Map;

/**
 * The plan and what it was planned from, for the words around it.
 *
 * @param updated     control planes whose manifest the plan checks and updates, one after the other
 * @param noManifest  control planes without {@code /etc/kubernetes/manifests/kube-apiserver.yaml}: left alone
 * @param unreached   control planes that did not answer, with why: the run fails naming them
 */
public record ApiserverPlan(Plan plan, List<String> updated, List<String> noManifest, Map<String, String> unreached) {
    public ApiserverPlan {
        updated = List.copyOf(updated);
        noManifest = List.copyOf(noManifest);
        unreached = Map.copyOf(unreached);
    }

    /** No control plane in the inventory at all: there is nothing to plan. */
    public boolean empty() {
        return plan.steps().isEmpty();
    }
}
