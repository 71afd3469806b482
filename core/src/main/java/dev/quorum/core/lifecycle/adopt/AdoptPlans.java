package dev.quorum.core.lifecycle.adopt;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.LabelledStep;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.ClusterLayout;
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
import java.util.Optional;

/**
 * Takes over a cluster Kubespray installed (host deployment): checks every host's env file against
 * the inventory, imports the CA into the workstation's store, verifies Quorum can talk to etcd,
 * and on request removes the CA key from the hosts. Nothing of etcd itself changes. Then the Kubernetes hosts get
 * their node certificates and every host the etcd CA in its system trust (decision 0029). Building the plan only
 * looks which Kubernetes hosts answer over SSH; the plan is then a pure function of that, the inventory and the
 * request (its steps read when they run). With {@code etcd_events_cluster_enabled} the events cluster Kubespray set
 * up is adopted with it (decision 0048): its env file and unit are checked against the inventory as the main
 * ones are, before the one CA both use is imported, and Quorum must reach it too.
 */
public final class AdoptPlans {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);
    /** How the events cluster's steps are titled. */
    static final String EVENTS_LABEL = "events cluster";

    private AdoptPlans() {
    }

    public static Plan adopt(ClusterSession cluster, AdoptRequest request) {
        if (cluster.inventory().layout() == ClusterLayout.EVENTS) {
            throw new IllegalArgumentException("adopt the events cluster through the main cluster's session: "
                    + "it adopts both (decision 0048)");
        }
        return adopt(cluster, request, KubernetesHostsProbe.plan(cluster));
    }

    /** Pure: the adoption, then the Kubernetes hosts' steps as {@code kubernetes} says. */
    public static Plan adopt(ClusterSession cluster, AdoptRequest request, KubernetesHostsPlan kubernetes) {
        LifecycleSession session = session(cluster);
        List<String> hosts = cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
        List<PlannedStep> steps = new ArrayList<>(List.of(PlannedStep.onEach(new KubesprayLayoutStep(session), hosts)));
        Optional<LifecycleSession> events = cluster.inventory().eventsCluster()
                .map(e -> session(cluster.sibling(e)));
        // Both layouts are checked before the CA is imported: a mismatch in either leaves the workstation as it was.
        events.ifPresent(e -> steps.add(PlannedStep.onEach(labelled(new KubesprayLayoutStep(e)), hosts)));
        steps.add(PlannedStep.onCluster(new ImportCaStep(session)));
        steps.add(PlannedStep.onCluster(new VerifyClusterStep(session)));
        events.ifPresent(e -> steps.add(PlannedStep.onCluster(labelled(new VerifyClusterStep(e)))));
        if (request.removeCaKeyFromHosts()) {
            steps.add(PlannedStep.onEach(new RemoveCaKeyStep(session), hosts));
        }
        steps.addAll(KubernetesHostSteps.of(session, kubernetes, "quorum adopt -i " + cluster.inventory().source()));
        return new Plan("adopt", cluster.inventory().clusterName(), steps);
    }

    private static LifecycleSession session(ClusterSession cluster) {
        return new LifecycleSession(cluster,
                new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)), HEALTH_TIMEOUT,
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
    }

    private static Step labelled(Step step) {
        return new LabelledStep(EVENTS_LABEL, step);
    }
}
