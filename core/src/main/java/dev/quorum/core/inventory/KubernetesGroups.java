package dev.quorum.core.inventory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kubespray's {@code k8s_cluster}: the hosts that get an etcd node certificate ({@code node-HOST.pem}).
 * Kubespray's etcd role issues them for {@code k8s_cluster} plus {@code calico_rr}; its boilerplate play
 * first adds the hosts of the legacy names ({@code k8s-cluster}, {@code kube-master}, {@code kube-node},
 * {@code calico-rr}) to the new ones, and the sample inventory makes {@code kube_control_plane},
 * {@code kube_node} and {@code calico_rr} children of {@code k8s_cluster}. Taking every one of these groups
 * gives the same hosts whether the inventory nests them under {@code k8s_cluster} or not.
 */
final class KubernetesGroups {
    /** The groups whose hosts talk to etcd as Kubernetes clients, new names then Kubespray's legacy ones. */
    static final List<String> NAMES = List.of("k8s_cluster", "kube_control_plane", "kube_node", "calico_rr",
            "k8s-cluster", "kube-master", "kube-node", "calico-rr");

    /** Where kube-apiserver runs: Kubespray's control plane group, new name then legacy. */
    static final List<String> CONTROL_PLANE = List.of("kube_control_plane", "kube-master");

    private KubernetesGroups() {
    }

    /** Every host of those groups (children included), in the order the inventory lists its hosts. */
    static List<String> hosts(ParsedInventory parsed, Set<String> leftOut) {
        return hostsOf(NAMES, parsed, leftOut);
    }

    /** The control planes (children included), in the order the inventory lists its hosts. */
    static List<String> controlPlanes(ParsedInventory parsed, Set<String> leftOut) {
        return hostsOf(CONTROL_PLANE, parsed, leftOut);
    }

    private static List<String> hostsOf(List<String> groups, ParsedInventory parsed, Set<String> leftOut) {
        Set<String> inGroups = new LinkedHashSet<>();
        groups.forEach(group -> inGroups.addAll(parsed.flattenedHosts(group)));
        return parsed.hostVars().keySet().stream()
                .filter(inGroups::contains).filter(h -> !leftOut.contains(h)).toList();
    }
}
