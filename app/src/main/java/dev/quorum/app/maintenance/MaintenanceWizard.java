package dev.quorum.app.maintenance;

import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<WizardPage> pages = new ArrayList<>();
        if (inventoryPath == null) {
            pages.add(new InventoryPage(choices.inventory(),
                    "The cluster Quorum manages (its CA is on this workstation)."));
        } else {
            choices.inventory().pathProperty().set(inventoryPath.toString());
        }
        pages.add(new ChoicePage(choices));
        return new WizardModel("Maintenance", pages, () -> new MaintenancePlanSource(choices.inventory().file(),
                services, choices.taskProperty().get(), choices.compactRequest(), choices.defragRequest()), services);
    }
}
