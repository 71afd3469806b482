package dev.quorum.app.maintenance;

import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Compact, defragment, or free space and disarm NOSPACE: the members' sizes and alarms and the
 * choice, then the shared review, run and result pages of {@code quorum maintain}'s plan.
 */
public final class MaintenanceWizard {
    private MaintenanceWizard() {
    }

    /** @param inventoryPath the cluster's inventory, or null to ask for it */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath) {
        return WizardWindow.open(owner, create(services, inventoryPath));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath) {
        MaintenanceChoices choices = new MaintenanceChoices(services);
        List<WizardPage> pages = InventoryPage.unlessGiven(choices.inventory(), inventoryPath,
                "The cluster Quorum manages (its CA is on this workstation).");
        pages.add(new ChoicePage(choices));
        return new WizardModel("Maintenance", pages, () -> maintenance(choices.inventory().file(),
                services, choices.taskProperty().get(), choices.compactRequest(), choices.defragRequest()), services);
    }

    /** Exactly quorum maintain compact, defrag or alarms --disarm --reclaim's plan. */
    private static PlanSource maintenance(Path inventory, WizardServices services, MaintenanceTask task,
                                          CompactRequest compact, DefragRequest defrag) {
        return SessionPlanSource.of(inventory, services, session -> new PreparedPlan(switch (task) {
            case COMPACT -> MaintenancePlans.compact(session, compact);
            case DEFRAG -> MaintenancePlans.defrag(session, defrag);
            case NOSPACE -> MaintenancePlans.recoverSpace(session, compact, defrag);
        }, List.of("Each member's database size now: quorum maintain alarms -i " + inventory
                + services.clusterArgument() + " (or open this wizard again).")));
    }
}
