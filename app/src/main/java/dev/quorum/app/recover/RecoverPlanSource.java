package dev.quorum.app.recover;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.recovery.RecoverPlan;
import java.nio.file.Path;
import java.util.List;

/**
 * The recover wizard's plan: exactly {@code quorum recover}'s, built from a fresh diagnosis (it
 * refuses with a hint to restore when quorum is lost).
 */
final class RecoverPlanSource extends SessionPlanSource {

    RecoverPlanSource(Path inventory, WizardServices services) {
        super(inventory, services);
    }

    @Override
    public PreparedPlan build(int part) throws Exception {
        RecoverPlan.Recovery recovery = RecoverPlan.build(session(), inventory().toString());
        return new PreparedPlan(recovery.plan(), List.of(
                "Before the run: " + recovery.diagnosis().sentence() + ".",
                "When the run is done, its last step has confirmed with a fresh diagnosis that every member rejoined "
                        + "and caught up: the cluster is healthy. Open Diagnose / Recover again to see each host's "
                        + "view."));
    }
}
