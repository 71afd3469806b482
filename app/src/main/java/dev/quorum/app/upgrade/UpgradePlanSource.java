package dev.quorum.app.upgrade;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.upgrade.EventsUpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * The wizard's plan: exactly {@code quorum upgrade}'s (or {@code --rollback}'s, {@code --downgrade}'s), whose guard decides again when it
 * runs; on the events cluster {@code quorum upgrade --cluster events}'s, built from the main cluster's session.
 */
final class UpgradePlanSource extends SessionPlanSource {
    private final UpgradeRequest request;
    private final boolean events;
    private final String clusterArgument;

    UpgradePlanSource(Path inventory, WizardServices services, UpgradeRequest request) {
        // the events cluster runs the main cluster's binary: its upgrade reads the main cluster too (decision 0043)
        super(inventory, services.onCluster(ClusterLayout.MAIN));
        this.request = request;
        this.events = services.layout() == ClusterLayout.EVENTS;
        this.clusterArgument = services.clusterArgument();
    }

    /** The main cluster's session, whichever cluster the wizard shows (as the CLI's {@code openExistingMain}). */
    static ClusterSession openMain(Path inventory, WizardServices services) {
        return SessionPlanSource.open(inventory, services.onCluster(ClusterLayout.MAIN));
    }

    @Override
    public PreparedPlan build(int part) {
        Plan plan = plan(session());
        return new PreparedPlan(plan, List.of(
                "Every member's version and the cluster version: quorum status -i " + inventory() + clusterArgument
                        + " (or the cluster's picture).",
                events ? "The events cluster has no rollback of its own: it runs the main cluster's binary."
                        : request.rollback() ? "The cluster runs the old version again; the upgrade can be tried again."
                        : request.downgrade() ? "The cluster runs and speaks the older minor; the newer binaries are "
                        + "kept in /var/backups/quorum, and quorum upgrade (etcd_version set back) goes forward again."
                        : "While the cluster is still mixed, quorum upgrade --rollback puts the old binaries back; "
                        + "after it is complete, see docs/guide/upgrade.md for what is possible."),
                session().inventory().ignoredEtcdVariables());
    }

    /** The plan from the main cluster's session: the events cluster's restarts, or the main upgrade. */
    Plan plan(ClusterSession main) {
        return events ? EventsUpgradePlans.plan(main, request) : UpgradePlans.plan(main, request);
    }
}
