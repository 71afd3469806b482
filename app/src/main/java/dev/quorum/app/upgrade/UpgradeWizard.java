package dev.quorum.app.upgrade;

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
 * Upgrade etcd to the inventory's {@code etcd_version}: the versions and the path, the guards, then
 * the shared review, run and result pages of {@code quorum upgrade}'s plan.
 */
public final class UpgradeWizard {
    private UpgradeWizard() {
    }

    /** @param inventoryPath the cluster's inventory, or null to ask for it */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath) {
        return WizardWindow.open(owner, create(services, inventoryPath, new LiveUpgradeReading(services)));
    }

    /** @param reading where the pages' versions and guards come from (core's observation and planner in the app) */
    public static WizardModel create(WizardServices services, Path inventoryPath, UpgradeReading reading) {
        UpgradeChoices choices = new UpgradeChoices(services.executor(), services.home(), reading);
        List<WizardPage> pages = new ArrayList<>();
        if (inventoryPath == null) {
            pages.add(new InventoryPage(choices.inventory(),
                    "The cluster Quorum manages (its CA is on this workstation); its etcd_version is the target."));
        } else {
            choices.inventory().pathProperty().set(inventoryPath.toString());
        }
        pages.add(new VersionsPage(choices));
        pages.add(new GuardsPage(choices));
        return new WizardModel("Upgrade etcd", pages,
                () -> new UpgradePlanSource(choices.inventory().file(), services, choices.request()), services);
    }
}
