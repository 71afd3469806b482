package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.lifecycle.steps.KubernetesCaFileStep;
import dev.quorum.core.lifecycle.steps.KubernetesHostsPlan;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.RenewNodeCertificateStep;
import dev.quorum.core.lifecycle.steps.SystemTrustStep;
import dev.quorum.core.lifecycle.steps.UnreachedKubernetesHostStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pure: the steps a renewal or a CA rotation takes on the Kubernetes hosts outside the etcd group (their
 * {@code ca.pem} and node certificate) and on every host's system trust (members and those hosts), from the
 * {@link KubernetesHostsPlan} observed before planning (decision 0033). Members' own files go with the members'
 * steps; an etcd member in {@code k8s_cluster} has its node certificate renewed by them.
 */
final class KubernetesHostPhases {
    private final LifecycleSession session;
    private final KubernetesHostsPlan plan;
    private final List<String> outside;

    KubernetesHostPhases(LifecycleSession session, KubernetesHostsPlan plan) {
        this.session = session;
        this.plan = plan;
        List<String> members = session.members().stream().map(m -> m.hostName()).toList();
        this.outside = plan.nodeCertificateHosts().stream().filter(h -> !members.contains(h)).toList();
    }

    /** Renewal: node certificates re-issued where needed (every one with --all), unreached hosts named. */
    List<PlannedStep> renew(RenewalRun run, boolean every, String rerun) {
        List<PlannedStep> steps = new ArrayList<>();
        if (!outside.isEmpty()) {
            steps.add(PlannedStep.onEach(new RenewNodeCertificateStep(session, run::issuer, every), outside));
        }
        steps.addAll(unreachedNamed(rerun));
        return steps;
    }

    /** Before any member changes: ca.pem and the system trust hold the old and the new CA. */
    List<PlannedStep> trustBoth() {
        return trust(Trust.OLD_AND_NEW, "Kubernetes hosts' ca.pem: the old and the new CA",
                "System trust of every host: the old and the new CA");
    }

    /** Refuse before members serve the new CA, unless the unreachable hosts were accepted. */
    PlannedStep guard(Set<String> accepted, String command) {
        return PlannedStep.onCluster(new UnreachedKubernetesGuardStep(plan.unreached(), accepted, command));
    }

    /**
     * After the members' roll, before the old CA is dropped: node certificates from the new CA. Every one from the
     * old CA has a problem against the new one, so a resumed rotation leaves those it already re-issued.
     */
    List<PlannedStep> reissue(RenewalRun run) {
        return outside.isEmpty() ? List.of()
                : List.of(PlannedStep.onEach(new RenewNodeCertificateStep(session, run::issuer, false), outside));
    }

    /** Last: the old CA out of ca.pem and the system trust. */
    List<PlannedStep> dropOld() {
        return trust(Trust.NEW_ONLY, "Kubernetes hosts' ca.pem: the new CA alone",
                "System trust of every host: the new CA alone");
    }

    private List<PlannedStep> trust(Trust trust, String caTitle, String systemTitle) {
        List<PlannedStep> steps = new ArrayList<>();
        var wanted = RotationTrust.of(() -> session.cluster().pki().rotation(), trust);
        if (!outside.isEmpty()) {
            steps.add(PlannedStep.onEach(new KubernetesCaFileStep(session, caTitle, wanted), outside));
        }
        steps.add(PlannedStep.onEach(new SystemTrustStep(session, systemTitle, wanted), plan.trustHosts()));
        return steps;
    }

    private List<PlannedStep> unreachedNamed(String rerun) {
        return plan.unreached().isEmpty() ? List.of() : List.of(PlannedStep.onEach(
                new UnreachedKubernetesHostStep(plan.unreached(), rerun), List.copyOf(plan.unreached().keySet())));
    }
}
