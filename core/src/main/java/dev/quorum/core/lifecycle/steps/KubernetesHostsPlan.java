package dev.quorum.core.lifecycle.steps;

import java.util.List;
import java.util.Map;

/**
 * What install and adopt do for the etcd clients of Kubernetes (decision 0029): which hosts get their node
 * certificate, which get the etcd CA in their system trust, and which Kubernetes hosts were not reached.
 *
 * @param nodeCertificateHosts the reachable hosts of {@code k8s_cluster} (etcd members among them): each gets
 *                             {@link NodeFiles#of its files}
 * @param trustHosts           the etcd members, then the reachable Kubernetes hosts that are not members: the
 *                             etcd CA goes into their system trust store, as Kubespray's {@code upd_ca_trust.yml}
 * @param unreached            Kubernetes hosts that could not be reached, with why: they get nothing, and the
 *                             run names them with what to do
 */
public record KubernetesHostsPlan(List<String> nodeCertificateHosts, List<String> trustHosts,
                                  Map<String, String> unreached) {
    public KubernetesHostsPlan {
        nodeCertificateHosts = List.copyOf(nodeCertificateHosts);
        trustHosts = List.copyOf(trustHosts);
        unreached = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unreached));
    }

    /** The same plan without the system trust of {@code hosts}: a plan that puts it elsewhere for them. */
    public KubernetesHostsPlan withoutTrustOf(List<String> hosts) {
        return new KubernetesHostsPlan(nodeCertificateHosts,
                trustHosts.stream().filter(host -> !hosts.contains(host)).toList(), unreached);
    }
}
