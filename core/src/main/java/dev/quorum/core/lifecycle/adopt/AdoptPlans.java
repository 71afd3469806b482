package dev.quorum.core.lifecycle.adopt;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.KubernetesHostSteps;
import dev.quorum.core.lifecycle.steps.KubernetesHostsPlan;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes over a cluster Kubespray installed (host deployment): checks every host's env file against
 * the inventory, imports the CA into the workstation's store, verifies Quorum can talk to etcd,
 * and on request removes the CA key from the hosts. Nothing of etcd itself changes. Then the Kubernetes hosts get
 * their node certificates and every host the etcd CA in its system trust (decision 0029). Building the plan only
 * looks which Kubernetes hosts answer over SSH; the plan is then a pure function of that, the inventory and the
 * request (its steps read when they run).
 */
public final class AdoptPlans {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private AdoptPlans() {
    }

    public static Plan adopt(ClusterSession cluster, AdoptRequest request) {
        return adopt(cluster, request, KubernetesHostsProbe.plan(cluster));
    }

    /** Pure: the adoption, then the Kubernetes hosts' steps as {@code kubernetes} says. */
    public static Plan adopt(ClusterSession cluster, AdoptRequest request, KubernetesHostsPlan kubernetes) {
        LifecycleSession session = new LifecycleSession(cluster,
                new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)), HEALTH_TIMEOUT,
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
        List<String> hosts = cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
        List<PlannedStep> steps = new ArrayList<>(List.of(
                PlannedStep.onEach(new KubesprayLayoutStep(session), hosts),
                PlannedStep.onCluster(new ImportCaStep(session)),
                PlannedStep.onCluster(new VerifyClusterStep(session))));
        if (request.removeCaKeyFromHosts()) {
            steps.add(PlannedStep.onEach(new RemoveCaKeyStep(session), hosts));
        }
        steps.addAll(KubernetesHostSteps.of(session, kubernetes, "quorum adopt -i " + cluster.inventory().source()));
        return new Plan("adopt", cluster.inventory().clusterName(), steps);
    }
}
