package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster as Quorum sees it: every host of the inventory, the etcd group in order, and the
 * etcd settings. Variables Quorum does not interpret are kept in {@link #vars()}.
 *
 * @param source          the inventory file this was read from
 * @param clusterName     a name for the workstation's folder of this cluster ({@code cluster_name}, else the
 *                        inventory's directory name)
 * @param kubernetesHosts the hosts of Kubespray's {@code k8s_cluster} (control planes, nodes, route reflectors;
 *                        see {@link KubernetesGroups}), in inventory order; etcd members among them too
 * @param controlPlaneHosts the hosts of {@code kube_control_plane} (or the legacy {@code kube-master}), in
 *                        inventory order: where kube-apiserver runs
 */
public record Inventory(
        Path source,
        String clusterName,
        List<InventoryHost> hosts,
        List<EtcdMember> etcdMembers,
        EtcdSettings etcd,
        Map<String, Object> vars,
        List<String> kubernetesHosts,
        List<String> controlPlaneHosts) {
    /** The etcd group's variable that lets install set up an even number of members. */
    public static final String ALLOW_EVEN_MEMBERS = "quorum_allow_even_members";

    /** The etcd group's variable that sends every etcd connection through SSH tunnels (hosts behind a bastion). */
    public static final String ETCD_VIA_SSH = "quorum_etcd_via_ssh";

    public Inventory {
        hosts = List.copyOf(hosts);
        etcdMembers = List.copyOf(etcdMembers);
        vars = Map.copyOf(vars);
        kubernetesHosts = List.copyOf(kubernetesHosts);
        controlPlaneHosts = List.copyOf(controlPlaneHosts);
    }

    /** An inventory whose Kubernetes hosts include no control plane. */
    public Inventory(Path source, String clusterName, List<InventoryHost> hosts, List<EtcdMember> etcdMembers,
                     EtcdSettings etcd, Map<String, Object> vars, List<String> kubernetesHosts) {
        this(source, clusterName, hosts, etcdMembers, etcd, vars, kubernetesHosts, List.of());
    }

    /** An inventory without Kubernetes hosts (only etcd's). */
    public Inventory(Path source, String clusterName, List<InventoryHost> hosts, List<EtcdMember> etcdMembers,
                     EtcdSettings etcd, Map<String, Object> vars) {
        this(source, clusterName, hosts, etcdMembers, etcd, vars, List.of(), List.of());
    }

    /** The Kubernetes hosts that are not etcd members: the ones only the node certificate steps reach. */
    public List<String> kubernetesOnlyHosts() {
        return kubernetesHosts.stream().filter(h -> etcdMembers.stream().noneMatch(m -> m.hostName().equals(h))).toList();
    }

    /**
     * {@code quorum_allow_even_members: true}: install may set up an even number of members. Without it,
     * install refuses an even count, which tolerates no more failures than one member fewer.
     */
    public boolean allowsEvenMemberCount() {
        return Values.bool(vars.get(ALLOW_EVEN_MEMBERS)).orElse(false);
    }

    /**
     * {@code quorum_etcd_via_ssh: true}: this workstation reaches etcd only through SSH (a local port
     * forward to each member's 127.0.0.1:2379), even where the client port would answer.
     */
    public boolean etcdViaSsh() {
        return Values.bool(vars.get(ETCD_VIA_SSH)).orElse(false);
    }

    /** The etcd group's {@code etcd_*} variables Quorum does not use, by name: {@code --plan} lists them. */
    public List<IgnoredVariable> ignoredEtcdVariables() {
        return KnownEtcdVariables.ignored(vars);
    }

    /** The bastions the etcd hosts are reached through, each once, in member order; empty when all are direct. */
    public List<JumpHost> etcdJumps() {
        return etcdMembers.stream().map(m -> m.host().ssh().jump()).flatMap(Optional::stream).distinct().toList();
    }

    /** This inventory with every host reached through {@code jump} (a {@code --jump} given on the command line). */
    public Inventory withJump(JumpHost jump) {
        Optional<JumpHost> through = Optional.of(jump);
        List<InventoryHost> moved = hosts.stream().map(h -> h.withSsh(h.ssh().withJump(through))).toList();
        List<EtcdMember> members = etcdMembers.stream()
                .map(m -> m.withHost(m.host().withSsh(m.host().ssh().withJump(through)))).toList();
        return new Inventory(source, clusterName, moved, members, etcd, vars, kubernetesHosts, controlPlaneHosts);
    }

    /** Which of the etcd hosts' clusters this inventory describes (decision 0038). */
    public ClusterLayout layout() {
        return etcd.layout();
    }

    /**
     * The cluster whose CA this one's certificates come from: the events cluster shares the main cluster's
     * certificates, so its workstation PKI is the main cluster's folder.
     */
    public String pkiName() {
        String suffix = layout().folderSuffix();
        return clusterName.endsWith(suffix) ? clusterName.substring(0, clusterName.length() - suffix.length())
                : clusterName;
    }

    /** {@code etcd_events_cluster_enabled: true}: Kubespray runs a second cluster for Kubernetes' events here. */
    public boolean eventsClusterEnabled() {
        return Values.bool(vars.get(ClusterLayout.EVENTS_ENABLED)).orElse(false);
    }

    /**
     * The events cluster on the same hosts, when the inventory enables it: members named {@code NAME-events} on
     * ports 2383/2382, its own data dir, env file and unit, and {@code CLUSTER-events} as its workstation folder
     * (runs, snapshots) while the PKI stays the main cluster's ({@link #pkiName()}).
     */
    public Optional<Inventory> eventsCluster() {
        if (layout() != ClusterLayout.MAIN || !eventsClusterEnabled()) {
            return Optional.empty();
        }
        Object dir = vars.getOrDefault(ClusterLayout.EVENTS_DATA_DIR, ClusterLayout.EVENTS.defaultDataDir());
        ClusterLayout events = ClusterLayout.EVENTS;
        List<EtcdMember> members = etcdMembers.stream()
                .map(m -> new EtcdMember(m.host(), m.memberName() + events.memberSuffix(), events)).toList();
        // Kubernetes hosts stay with the main cluster: their node certificates and trust are the same CA's. The
        // control planes stay here too: kube-apiserver there reads this cluster through --etcd-servers-overrides'
        // /events# entry, which --update-apiservers and apiservers update edit (without them: "no control plane").
        return Optional.of(new Inventory(source, clusterName + events.folderSuffix(), hosts, members,
                etcd.forEvents(String.valueOf(dir)), vars, List.of(), controlPlaneHosts));
    }

    /** This inventory's cluster of that layout; the events one only when the inventory enables it. */
    public Inventory cluster(ClusterLayout which) {
        if (which == layout()) {
            return this;
        }
        if (which == ClusterLayout.MAIN) {
            throw new IllegalArgumentException("an events cluster's inventory does not hold the main cluster");
        }
        return eventsCluster().orElseThrow(() -> new InventoryException("the inventory " + source
                + " does not enable the events cluster: Kubespray sets it up only with "
                + ClusterLayout.EVENTS_ENABLED + ": true (group_vars/all/etcd.yml or the etcd group's vars); "
                + "set it there, or leave out --cluster events to reach the main cluster"));
    }

    public Optional<InventoryHost> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<EtcdMember> member(String hostOrMemberName) {
        return etcdMembers.stream()
                .filter(m -> m.hostName().equals(hostOrMemberName) || m.memberName().equals(hostOrMemberName))
                .findFirst();
    }
}
