package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;

/** Ends the rotation on the workstation: Quorum's clients trust the new CA alone. */
final class FinishRotationStep extends ClusterStep {

    FinishRotationStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Trust the new CA alone on this workstation";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("rm trust-bundle.pem rotation/old-ca.pem   # the old CA stays in retired/");
    }

    @Override
    public Check check(StepContext context) {
        PkiRecoveries.report(session, context);
        return session.cluster().pki().rotation().started() ? Check.needed("the rotation is still open")
                : Check.done("no CA rotation in progress");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        session.cluster().pki().rotation().finish();
        session.cluster().reloadPki();
        HealthWait.await(session, context);
    }
}
