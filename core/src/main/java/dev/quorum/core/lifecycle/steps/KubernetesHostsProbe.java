package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.ActionableError;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.remote.FanOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observation the Kubernetes host steps are planned from: which Kubernetes hosts outside the etcd group
 * answer over SSH (a login and {@code true}, in parallel, each bounded by the SSH connect and command
 * timeouts). Read-only. An inventory without Kubernetes groups costs nothing.
 */
public final class KubernetesHostsProbe {
    private static final int PARALLELISM = 8;

    private KubernetesHostsProbe() {
    }

    /** The Kubernetes hosts outside the etcd group that could not be used, with why and what to do. */
    public static Map<String, String> unreachable(ClusterSession cluster) {
        List<String> hosts = cluster.inventory().kubernetesOnlyHosts();
        Map<String, String> unreachable = new LinkedHashMap<>();
        FanOut.forEach(hosts, PARALLELISM, host -> cluster.remote(host).run("true").requireOk("log in"))
                .forEach((host, outcome) -> {
                    if (!outcome.ok()) {
                        unreachable.put(host, describe(outcome.error()));
                    }
                });
        return unreachable;
    }

    /** The plan for this cluster's Kubernetes hosts, after looking which answer. */
    public static KubernetesHostsPlan plan(ClusterSession cluster) {
        return plan(cluster.inventory(), unreachable(cluster));
    }

    /** Pure: the plan for the inventory's Kubernetes hosts when {@code unreachable} did not answer. */
    public static KubernetesHostsPlan plan(Inventory inventory, Map<String, String> unreachable) {
        List<String> etcd = inventory.etcdMembers().stream().map(m -> m.hostName()).toList();
        return KubernetesHostsPlanner.plan(inventory.kubernetesHosts(), etcd, unreachable);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return e instanceof ActionableError actionable && !actionable.hint().isBlank()
                ? message + "; " + actionable.hint() : message;
    }
}
