package dev.quorum.app.upgrade;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.upgrade.UpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import java.nio.file.Path;
import java.util.List;

/** The wizard's plan: exactly {@code quorum upgrade}'s (or {@code --rollback}'s), whose guard decides again when it runs. */
final class UpgradePlanSource extends SessionPlanSource {
    private final UpgradeRequest request;

    UpgradePlanSource(Path inventory, WizardServices services, UpgradeRequest request) {
        super(inventory, services);
        this.request = request;
    }

    @Override
    public PreparedPlan build(int part) {
        return new PreparedPlan(UpgradePlans.plan(session(), request), List.of(
                "Every member's version and the cluster version: quorum status -i " + inventory()
                        + " (or the cluster's picture).",
                request.rollback() ? "The cluster runs the old version again; the upgrade can be tried again."
                        : "While the cluster is still mixed, quorum upgrade --rollback puts the old binaries back; "
                        + "after it is complete, see docs/guide/upgrade.md for what is possible."),
                session().inventory().ignoredEtcdVariables());
    }
}
