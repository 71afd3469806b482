package dev.quorum.app.maintenance;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import java.nio.file.Path;
import java.util.List;

/**
 * The wizard's plan: exactly {@code quorum maintain compact}, {@code defrag} or
 * {@code alarms --disarm --reclaim}'s.
 */
final class MaintenancePlanSource extends SessionPlanSource {
    private final MaintenanceTask task;
    private final CompactRequest compact;
    private final DefragRequest defrag;

    MaintenancePlanSource(Path inventory, WizardServices services, MaintenanceTask task, CompactRequest compact,
                          DefragRequest defrag) {
        super(inventory, services);
        this.task = task;
        this.compact = compact;
        this.defrag = defrag;
    }

    @Override
    public PreparedPlan build(int part) {
        Plan plan = switch (task) {
            case COMPACT -> MaintenancePlans.compact(session(), compact);
            case DEFRAG -> MaintenancePlans.defrag(session(), defrag);
            case NOSPACE -> MaintenancePlans.recoverSpace(session(), compact, defrag);
        };
        return new PreparedPlan(plan, List.of("Each member's database size now: quorum maintain alarms -i "
                + inventory()
                + " (or open this wizard again)."));
    }
}
