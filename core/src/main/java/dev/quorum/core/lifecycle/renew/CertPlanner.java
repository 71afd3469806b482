package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClientPortStep;
import dev.quorum.core.lifecycle.steps.KubernetesHostsPlan;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renewal and CA rotation as pure functions of the inventory, the request and the leader observed: nothing is
 * read while a plan is built (its steps read and check when they run). {@link CertPlans} observes and calls these.
 */
final class CertPlanner {
    private CertPlanner() {
    }

    /** Guards, then each member in turn (the leader last): new files, then proof that etcd serves them. */
    static Plan renew(ClusterSession cluster, RenewalRequest request, Optional<String> leaderHost) {
        return renew(cluster, request, leaderHost, KubernetesHostsProbe.plan(cluster.inventory(), Map.of()));
    }

    /**
     * As above; a renewal of the whole cluster then renews the node certificates of the Kubernetes hosts outside
     * the etcd group that answered ({@code kubernetes}), and names those that did not: adding or re-issuing
     * under the same CA cuts no one off, so an unreachable one does not stop it.
     */
    static Plan renew(ClusterSession cluster, RenewalRequest request, Optional<String> leaderHost,
                      KubernetesHostsPlan kubernetes) {
        LifecycleSession session = session(cluster);
        RenewalRun run = new RenewalRun(session, request);
        List<String> hosts = leaderLast(targets(cluster, request.host()), leaderHost);
        List<PlannedStep> steps = new ArrayList<>();
        // Before the guard: it chooses all-at-once when the workstation sees no quorum, and a
        // blocked client port must not pass for expired certificates.
        steps.add(PlannedStep.onCluster(new ClientPortStep(session.cluster(), session.members())));
        steps.add(PlannedStep.onCluster(new RenewalGuardStep(run, hosts)));
        Optional<EventsCertSteps> events = EventsCertSteps.of(cluster, run);
        events.ifPresent(e -> steps.addAll(e.guards(hosts)));
        steps.addAll(roll(run, hosts, events));
        steps.add(PlannedStep.onCluster(new RestartTogetherStep(run)));
        events.ifPresent(e -> steps.add(e.restartTogether()));
        if (request.host().isEmpty()) {
            steps.addAll(new KubernetesHostPhases(session, kubernetes).renew(run, request.all(),
                    "quorum certs renew -i " + cluster.inventory().source()));
            steps.add(PlannedStep.onCluster(new VerifyClusterStep(session)));
            events.ifPresent(e -> steps.add(e.verify()));
        }
        return new Plan("certs-renew", cluster.inventory().clusterName(), steps);
    }

    /**
     * The rotation's phases, quorum kept at every moment: prepare (new CA and bundle on the workstation); every
     * host trusts old and new; every certificate re-issued from the new CA and rolled; the workstation switches;
     * every host trusts the new CA alone; the rotation is finished. Hosts go one at a time, the leader last.
     */
    static Plan rotateCa(ClusterSession cluster, RotateCaRequest request, Optional<String> leaderHost) {
        return rotateCa(cluster, request, leaderHost, KubernetesHostsProbe.plan(cluster.inventory(), Map.of()));
    }

    /**
     * As above, with the Kubernetes hosts (decision 0033): before any member restarts, their ca.pem and every
     * host's system trust hold old and new; an unreached one that was not accepted stops the rotation before the
     * members serve the new CA; their node certificates are re-issued after the members'; the old CA leaves their
     * ca.pem and every system trust last, after the members trust the new CA alone.
     */
    static Plan rotateCa(ClusterSession cluster, RotateCaRequest request, Optional<String> leaderHost,
                         KubernetesHostsPlan kubernetes) {
        return rotateCa(cluster, request, leaderHost, kubernetes, IssuingCa.VALID);
    }

    /**
     * As above; when the CA it replaces has {@link IssuingCa#EXPIRED expired}, no member could rejoin after a
     * restart, so the new CA goes in all at once (decision 0076): every host's CA files (old and new) and
     * certificates from the new CA are written without a restart, the workstation switches, every member restarts
     * together, and only then, quorum back, does each host drop the old CA one at a time as in a rotation.
     */
    static Plan rotateCa(ClusterSession cluster, RotateCaRequest request, Optional<String> leaderHost,
                         KubernetesHostsPlan kubernetes, IssuingCa replaced) {
        LifecycleSession session = session(cluster);
        List<PlannedStep> steps = new ArrayList<>(List.of(PlannedStep.onCluster(new ClientPortStep(session.cluster(),
                session.members()))));
        if (request.prepareOnly()) {
            steps.add(PlannedStep.onCluster(new RotationStartStep(session, replaced)));
            return new Plan("certs-rotate-ca-prepare", cluster.inventory().clusterName(), steps);
        }
        List<String> hosts = leaderLast(targets(cluster, Optional.empty()), leaderHost);
        RenewalRun run = new RenewalRun(session, new RenewalRequest(Optional.empty(), false,
                Duration.ofDays(30)), () -> cluster.pki().rotation().newCa());
        String rerun = "quorum certs rotate-ca -i " + cluster.inventory().source();
        KubernetesHostPhases k8s = new KubernetesHostPhases(session, kubernetes);
        Optional<EventsCertSteps> events = EventsCertSteps.of(cluster, run);
        events.ifPresent(e -> steps.add(e.clientPort()));
        steps.add(PlannedStep.onCluster(new ReplacedCaGuardStep(session, hosts)));
        steps.add(PlannedStep.onCluster(new RotationStartStep(session, replaced)));
        if (replaced == IssuingCa.EXPIRED) {
            run.decide(RenewalMode.ALL_AT_ONCE);
            steps.addAll(k8s.trustBoth());
            steps.add(PlannedStep.onEach(HostTrustStep.filesOnly(session, Trust.OLD_AND_NEW), hosts));
            steps.add(k8s.guard(request.acceptUnreached(), rerun));
            steps.add(PlannedStep.onEach(new RenewHostCertificatesStep(run), hosts));
            steps.addAll(k8s.reissue(run));
            steps.add(PlannedStep.onCluster(new SwitchWorkstationCaStep(session, replaced)));
            steps.add(PlannedStep.onCluster(new ReloadTrustTogetherStep(session)));
            events.ifPresent(e -> steps.add(e.reloadTrustTogether()));
            steps.addAll(trust(session, hosts, Trust.NEW_ONLY, events));
            return finished(session, steps, k8s, events, cluster);
        }
        steps.addAll(k8s.trustBoth());
        steps.addAll(trust(session, hosts, Trust.OLD_AND_NEW, events));
        if (request.trustOnly()) {
            return new Plan("certs-rotate-ca-trust", cluster.inventory().clusterName(), steps);
        }
        steps.add(k8s.guard(request.acceptUnreached(), rerun));
        steps.addAll(roll(run, hosts, events));
        steps.addAll(k8s.reissue(run));
        steps.add(PlannedStep.onCluster(new SwitchWorkstationCaStep(session, replaced)));
        steps.addAll(trust(session, hosts, Trust.NEW_ONLY, events));
        return finished(session, steps, k8s, events, cluster);
    }

    /** The rotation's last phases: the old CA out of the Kubernetes hosts' trust, the workstation's too, proof. */
    private static Plan finished(LifecycleSession session, List<PlannedStep> steps, KubernetesHostPhases k8s,
                                 Optional<EventsCertSteps> events, ClusterSession cluster) {
        steps.addAll(k8s.dropOld());
        steps.add(PlannedStep.onCluster(new FinishRotationStep(session)));
        steps.add(PlannedStep.onCluster(new VerifyClusterStep(session)));
        events.ifPresent(e -> steps.add(e.verify()));
        return new Plan("certs-rotate-ca", cluster.inventory().clusterName(), steps);
    }

    /**
     * Each host's new files and the proof it serves them, before the next host; where the events cluster reads the
     * same files, its member on that host serves them too before the next host (decision 0048).
     */
    private static List<PlannedStep> roll(RenewalRun run, List<String> hosts, Optional<EventsCertSteps> events) {
        List<PlannedStep> steps = new ArrayList<>();
        for (String host : hosts) {
            steps.add(PlannedStep.onEach(new RenewHostCertificatesStep(run), List.of(host)));
            steps.add(PlannedStep.onEach(new ServeRenewedStep(run), List.of(host)));
            events.ifPresent(e -> steps.add(e.serve(host)));
        }
        return steps;
    }

    /** Each host's CA files and etcd restarted onto them, then its etcd-events restarted onto them too. */
    private static List<PlannedStep> trust(LifecycleSession session, List<String> hosts, Trust trust,
                                           Optional<EventsCertSteps> events) {
        List<PlannedStep> steps = new ArrayList<>();
        for (String host : hosts) {
            steps.add(PlannedStep.onEach(new HostTrustStep(session, trust), List.of(host)));
            events.ifPresent(e -> steps.add(e.trust(host, trust)));
        }
        return steps;
    }

    /** Every etcd host, or the one asked for; an unknown one is refused with the names to choose from. */
    static List<String> targets(ClusterSession cluster, Optional<String> only) {
        List<EtcdMember> members = cluster.inventory().etcdMembers();
        if (only.isEmpty()) {
            return members.stream().map(EtcdMember::hostName).toList();
        }
        EtcdMember member = cluster.inventory().member(only.get()).orElseThrow(() -> new CertificateRefusal(
                only.get() + " is not an etcd host or member of the inventory (etcd hosts: " + members.stream()
                        .map(m -> m.hostName() + "/" + m.memberName()).collect(Collectors.joining(", ")) + ")",
                "give an etcd host name or member name from the inventory"));
        return List.of(member.hostName());
    }

    /** The leader changes hands at most once: when its own turn comes, last. */
    private static List<String> leaderLast(List<String> hosts, Optional<String> leader) {
        List<String> ordered = new ArrayList<>(hosts.stream().filter(h -> !leader.map(h::equals).orElse(false)).toList());
        leader.filter(hosts::contains).ifPresent(ordered::add);
        return ordered;
    }

    static LifecycleSession session(ClusterSession cluster) {
        return new LifecycleSession(cluster,
                new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)), CertPlans.HEALTH_TIMEOUT,
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
    }
}
