package dev.quorum.core.lifecycle.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure: the inventory's Kubernetes and etcd hosts and which hosts were found unreachable -> the plan. */
public final class KubernetesHostsPlanner {
    private KubernetesHostsPlanner() {
    }

    /**
     * @param kubernetesHosts the hosts of {@code k8s_cluster}, in inventory order
     * @param etcdHosts       the etcd members' hosts; they are reached by the etcd steps, so never left out here
     * @param unreachable     Kubernetes hosts outside the etcd group that did not answer, with why
     */
    public static KubernetesHostsPlan plan(List<String> kubernetesHosts, List<String> etcdHosts,
                                           Map<String, String> unreachable) {
        List<String> nodes = new ArrayList<>();
        Map<String, String> unreached = new LinkedHashMap<>();
        for (String host : kubernetesHosts) {
            if (unreachable.containsKey(host) && !etcdHosts.contains(host)) {
                unreached.put(host, unreachable.get(host));
            } else {
                nodes.add(host);
            }
        }
        Set<String> trust = new LinkedHashSet<>(etcdHosts);
        trust.addAll(nodes);
        return new KubernetesHostsPlan(nodes, new ArrayList<>(trust), unreached);
    }
}
