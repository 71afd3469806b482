package dev.quorum.core.lifecycle.certs;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClientPortStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Certificate renewal: a guard, then for each member in turn (the leader last) its new files and
 * the proof that etcd serves them and is healthy, before the next member. Without quorum (expired
 * certificates) the files go everywhere first and the members restart together.
 */
public final class CertPlans {
    public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private CertPlans() {
    }

    public static Plan renew(ClusterSession cluster, RenewalRequest request) {
        if (!cluster.hasPki()) {
            throw new CertificateRefusal("the CA of cluster " + cluster.inventory().clusterName()
                    + " is not on this workstation, so nothing can be issued",
                    "for a cluster Kubespray installed, import its CA: quorum adopt -i "
                            + cluster.inventory().source());
        }
        LifecycleSession session = new LifecycleSession(cluster,
                new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)), HEALTH_TIMEOUT,
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
        RenewalRun run = new RenewalRun(session, request);
        List<String> hosts = leaderLast(session, targets(cluster, request.host()));
        List<PlannedStep> steps = new ArrayList<>();
        // Before the guard: it chooses all-at-once when the workstation sees no quorum, and a
        // blocked client port must not pass for expired certificates.
        steps.add(PlannedStep.onCluster(new ClientPortStep(session.members())));
        steps.add(PlannedStep.onCluster(new RenewalGuardStep(run, hosts)));
        for (String host : hosts) {
            steps.add(PlannedStep.onEach(new RenewHostCertificatesStep(run), List.of(host)));
            steps.add(PlannedStep.onEach(new ServeRenewedStep(run), List.of(host)));
        }
        steps.add(PlannedStep.onCluster(new RestartTogetherStep(run)));
        if (request.host().isEmpty()) {
            steps.add(PlannedStep.onCluster(new VerifyClusterStep(session)));
        }
        return new Plan("certs-renew", cluster.inventory().clusterName(), steps);
    }

    /**
     * CA rotation, quorum kept at every moment: new CA and trust bundle on the workstation; every
     * host trusts old and new (one restart each); every certificate re-issued from the new CA and
     * rolled as in a renewal; the workstation switches to the new CA; every host trusts the new CA
     * alone (one restart each).
     *
     * @param prepareOnly only make the new CA and the bundle, so other etcd clients (kube-apiserver's
     *                    --etcd-cafile) can be given the bundle before the hosts change
     */
    public static Plan rotateCa(ClusterSession cluster, boolean prepareOnly) {
        if (!cluster.hasPki()) {
            throw new CertificateRefusal("the CA of cluster " + cluster.inventory().clusterName()
                    + " is not on this workstation", "import it first: quorum adopt -i " + cluster.inventory().source());
        }
        LifecycleSession session = new LifecycleSession(cluster,
                new ReleaseFetcher(cluster.home().releaseCache(), Duration.ofMinutes(10)), HEALTH_TIMEOUT,
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
        List<PlannedStep> steps = new ArrayList<>(List.of(PlannedStep.onCluster(new ClientPortStep(session.members())),
                PlannedStep.onCluster(new RotationStartStep(session))));
        if (!prepareOnly) {
            List<String> hosts = leaderLast(session, targets(cluster, Optional.empty()));
            RenewalRun run = new RenewalRun(session, new RenewalRequest(Optional.empty(), false,
                    Duration.ofDays(30)), () -> cluster.pki().rotation().newCa());
            hosts.forEach(h -> steps.add(PlannedStep.onEach(new HostTrustStep(session, Trust.OLD_AND_NEW), List.of(h))));
            for (String host : hosts) {
                steps.add(PlannedStep.onEach(new RenewHostCertificatesStep(run), List.of(host)));
                steps.add(PlannedStep.onEach(new ServeRenewedStep(run), List.of(host)));
            }
            steps.add(PlannedStep.onCluster(new SwitchWorkstationCaStep(session)));
            hosts.forEach(h -> steps.add(PlannedStep.onEach(new HostTrustStep(session, Trust.NEW_ONLY), List.of(h))));
            steps.add(PlannedStep.onCluster(new FinishRotationStep(session)));
            steps.add(PlannedStep.onCluster(new VerifyClusterStep(session)));
        }
        return new Plan(prepareOnly ? "certs-rotate-ca-prepare" : "certs-rotate-ca", cluster.inventory().clusterName(),
                steps);
    }

    private static List<String> targets(ClusterSession cluster, Optional<String> only) {
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
    private static List<String> leaderLast(LifecycleSession session, List<String> hosts) {
        ClusterStatus status = HealthWait.probe(session);
        Optional<String> leader = status.leader().map(l -> l.hostName());
        List<String> ordered = new ArrayList<>(hosts.stream().filter(h -> !leader.map(h::equals).orElse(false)).toList());
        leader.filter(hosts::contains).ifPresent(ordered::add);
        return ordered;
    }
}
