package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;

/**
 * Once every host serves certificates of the new CA: the new CA becomes the workstation's CA,
 * the old one is kept under retired/, and Quorum's client certificate is re-issued from the new
 * CA (every host still trusts both, so the switch breaks nothing).
 */
final class SwitchWorkstationCaStep extends ClusterStep {
    private final IssuingCa replaced;

    /**
     * @param replaced {@link IssuingCa#EXPIRED}: the members have not loaded the new CA yet and the cluster may be
     *                 down, so the switch does not wait for health; the restart that follows does
     */
    SwitchWorkstationCaStep(LifecycleSession session, IssuingCa replaced) {
        super(session);
        this.replaced = replaced;
    }

    @Override
    public String title() {
        return "Make the new CA this workstation's CA; re-issue Quorum's client certificate";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("cp ca.pem ca-key.pem retired/<time>/ && echo <intent> > rotation/switching",
                "mv rotation/next/ca-key.pem . && mv rotation/next/ca.pem . && rm -r rotation/next rotation/switching",
                "# quorum-client.pem re-issued from the new CA on next use; a switch cut short is completed on the next run");
    }

    @Override
    public Check check(StepContext context) {
        PkiRecoveries.report(session, context);
        return session.cluster().pki().rotation().switched() ? Check.done("the new CA is this workstation's CA")
                : Check.needed("this workstation still issues from the old CA");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        session.cluster().pki().rotation().switchToNew();
        session.cluster().reloadPki();
        context.info("old CA kept in " + session.cluster().pki().directory().resolve("retired"));
        if (replaced == IssuingCa.VALID) {
            HealthWait.await(session, context);
        }
    }
}
