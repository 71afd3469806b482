package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Certificate renewal and CA rotation: refuse without the cluster's CA on this workstation, observe which member
 * leads, and build the plan with {@link CertPlanner} (pure). A renewal is a guard, then for each member in turn
 * (the leader last) its new files and the proof that etcd serves them and is healthy, before the next member;
 * without quorum (expired certificates) the files go everywhere first and the members restart together.
 * Renewals of the whole cluster and rotations first log in once to each Kubernetes host outside the etcd group
 * ({@link KubernetesHostsProbe}), so the plan knows which it can keep working (decision 0033). With the events
 * cluster enabled, each host's etcd-events follows its etcd onto the shared files (decision 0048).
 */
public final class CertPlans {
    public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private CertPlans() {
    }

    public static Plan renew(ClusterSession cluster, RenewalRequest request) {
        refuseEvents(cluster, "renew");
        if (!cluster.hasPki()) {
            throw new CertificateRefusal("the CA of cluster " + cluster.inventory().clusterName()
                    + " is not on this workstation, so nothing can be issued",
                    "for a cluster Kubespray installed, import its CA: quorum adopt -i "
                            + cluster.inventory().source());
        }
        refuseExpiredCa(cluster);
        CertPlanner.targets(cluster, request.host()); // an unknown host is refused before any member is asked
        if (request.host().isPresent()) {
            return CertPlanner.renew(cluster, request, leaderHost(cluster));
        }
        return CertPlanner.renew(cluster, request, leaderHost(cluster), KubernetesHostsProbe.plan(cluster));
    }

    /**
     * CA rotation, quorum kept at every moment: new CA and trust bundle on the workstation; every
     * host trusts old and new (one restart each); every certificate re-issued from the new CA and
     * rolled as in a renewal; the workstation switches to the new CA; every host trusts the new CA
     * alone (one restart each). Preparing alone asks no member anything. When the CA it replaces has expired, the
     * new CA goes in on every member at once instead, quorum or not (decision 0076).
     */
    public static Plan rotateCa(ClusterSession cluster, RotateCaRequest request) {
        refuseEvents(cluster, "rotate-ca");
        if (!cluster.hasPki()) {
            throw new CertificateRefusal("the CA of cluster " + cluster.inventory().clusterName()
                    + " is not on this workstation", "import it first: quorum adopt -i " + cluster.inventory().source());
        }
        IssuingCa replaced = IssuingCa.of(cluster.pki(), Instant.now());
        if (replaced == IssuingCa.EXPIRED && request.trustOnly()) {
            throw new CertificateRefusal("the CA of cluster " + cluster.inventory().clusterName() + " expired: "
                    + "trusting both CAs first would leave every member on certificates etcd refuses", "run quorum "
                    + "certs rotate-ca -i " + cluster.inventory().source() + " without --trust-only; it replaces the "
                    + "CA on every member at once");
        }
        if (request.prepareOnly()) {
            return CertPlanner.rotateCa(cluster, request, Optional.empty(),
                    KubernetesHostsProbe.plan(cluster.inventory(), Map.of()), replaced);
        }
        return CertPlanner.rotateCa(cluster, request, leaderHost(cluster), KubernetesHostsProbe.plan(cluster), replaced);
    }

    /** A renewal signs with the workstation's CA: once that expired, etcd refuses whatever it would issue. */
    private static void refuseExpiredCa(ClusterSession cluster) {
        X509Certificate ca = cluster.pki().ca().certificate();
        if (IssuingCa.expired(ca, Instant.now())) {
            throw new CertificateRefusal("the CA of cluster " + cluster.inventory().clusterName() + " ("
                    + ca.getSubjectX500Principal().getName() + ") expired on " + ca.getNotAfter().toInstant()
                    + ": etcd refuses every certificate it signs, so renewing them cannot help",
                    "replace the CA: quorum certs rotate-ca -i " + cluster.inventory().source()
                            + " (with the CA expired it replaces it on every member at once, quorum or not)");
        }
    }

    /**
     * The events cluster has no certificates of its own: its members read the main cluster's files, and the main
     * cluster's plan makes every running etcd-events serve what it writes (decision 0048). The CLI and the app build
     * that plan for {@code --cluster events}; an events session here would leave etcd on the old files.
     */
    private static void refuseEvents(ClusterSession cluster, String command) {
        if (cluster.inventory().layout() == ClusterLayout.EVENTS) {
            throw new CertificateRefusal("the events cluster uses the main cluster's certificates and CA; they are "
                    + "renewed for both clusters at once", "run quorum certs " + command + " -i "
                    + cluster.inventory().source() + " (it makes etcd and etcd-events serve the new files)");
        }
    }

    /** The host of the member that leads now, when one answers as leader. */
    private static Optional<String> leaderHost(ClusterSession cluster) {
        return HealthWait.probe(CertPlanner.session(cluster)).leader().map(MemberStatus::hostName);
    }
}
