package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.CaRotationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertificateDetails;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Makes the new CA on the workstation (same key type as the old one) and the trust bundle
 * (new + old) that Quorum's clients use from now on. A rotation needs quorum throughout, so it
 * starts only on a cluster that has it, unless the CA it replaces has expired: then no member can
 * rejoin after a restart anyway, and the replacement restarts them all together (decision 0076).
 */
final class RotationStartStep extends ClusterStep {
    private final IssuingCa replaced;

    RotationStartStep(LifecycleSession session, IssuingCa replaced) {
        super(session);
        this.replaced = replaced;
    }

    @Override
    public String title() {
        return "Make the new CA on this workstation and a trust bundle of old and new";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("openssl req -x509 -new -nodes -key new-ca-key.pem -days 36500 -subj /CN=etcd-ca-<date> "
                + "-out new-ca.pem", "cat new-ca.pem ca.pem > " + CaRotationStore.TRUST_BUNDLE
                + "   # give this to every other etcd client (kube-apiserver --etcd-cafile) now");
    }

    @Override
    public Check check(StepContext context) {
        PkiRecoveries.report(session, context);
        var next = session.cluster().pki().rotation().newCa();
        if (next.isPresent()) {
            return Check.done("the new CA " + next.get().certificate().getSubjectX500Principal().getName()
                    + " exists; clients trust " + session.cluster().pki().directory().resolve(CaRotationStore.TRUST_BUNDLE));
        }
        return Check.needed("no CA rotation in progress");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        ClusterPki pki = session.cluster().pki();
        if (replaced == IssuingCa.EXPIRED) {
            context.info("the CA " + pki.ca().certificate().getSubjectX500Principal().getName() + " expired on "
                    + pki.ca().certificate().getNotAfter().toInstant() + ": etcd accepts no certificate it signed, so "
                    + "a new CA replaces it whether or not the cluster has quorum");
        } else {
            requireHealthy();
        }
        String name = pki.ca().certificate().getSubjectX500Principal().getName().replaceFirst("^CN=", "")
                .replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", "") + "-" + LocalDate.now(ZoneOffset.UTC);
        var next = pki.rotation().start(pki.ca(), name);
        session.cluster().reloadPki();
        context.info("new CA " + next.certificate().getSubjectX500Principal().getName() + " (SHA-256 "
                + CertificateDetails.fingerprint(next.certificate()).substring(0, 23) + "...); trust bundle "
                + pki.directory().resolve(CaRotationStore.TRUST_BUNDLE));
    }

    private void requireHealthy() throws StepFailedException {
        ClusterStatus status = HealthWait.probe(session);
        if (!status.healthy()) {
            throw new StepFailedException("the cluster is not healthy (" + status.sentence()
                    + "); a CA rotation restarts every member twice and needs every member up",
                    "fix the cluster first (quorum status, quorum certs renew), then rotate");
        }
    }
}
