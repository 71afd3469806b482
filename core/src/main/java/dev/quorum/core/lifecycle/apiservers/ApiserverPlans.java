package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import java.util.List;

/** The kube-apiserver update as every front end builds it: observe the control planes, then plan. */
public final class ApiserverPlans {
    private ApiserverPlans() {
    }

    public static ApiserverPlan update(ClusterSession cluster, ApiserverRequest request) {
        List<ControlPlaneObservation> observed = ApiserverObserver.observe(cluster.inventory().controlPlaneHosts(),
                cluster::remote);
        return ApiserverPlanner.plan(cluster.inventory().clusterName(), observed, request, cluster::remote,
                rerun(cluster.inventory()));
    }

    /**
     * The request for these members' client URLs, in their order, in the flag of their cluster: the events
     * cluster's go into {@code --etcd-servers-overrides=/events#...}, never into {@code --etcd-servers}.
     */
    public static ApiserverRequest forMembers(List<EtcdMember> members) {
        ApiserverFlag flag = members.isEmpty() ? ApiserverFlag.ETCD_SERVERS : ApiserverFlag.of(members.get(0).layout());
        return new ApiserverRequest(members.stream().map(EtcdMember::clientUrl).toList(),
                ApiserverRequest.DEFAULT_HEALTH_TIMEOUT, flag);
    }

    /** The command that runs this update again, for the cluster whose flag it edits. */
    static String rerun(Inventory inventory) {
        return "quorum apiservers update -i " + inventory.source()
                + (inventory.layout() == ClusterLayout.EVENTS ? " --cluster events" : "");
    }
}
