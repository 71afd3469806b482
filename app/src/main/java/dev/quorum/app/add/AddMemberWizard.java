package dev.quorum.app.add;

import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Add inventory hosts as members: hosts, then the shared review, run and result pages. Runs the
 * same plans as {@code quorum add}.
 */
public final class AddMemberWizard {
    private AddMemberWizard() {
    }

    /** @param inventoryPath the cluster's inventory (the inventory page is then skipped), or null to ask */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath) {
        return WizardWindow.open(owner, create(services, inventoryPath));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath) {
        AddChoices choices = new AddChoices(services);
        List<WizardPage> pages = InventoryPage.unlessGiven(choices.inventory(), inventoryPath, "The cluster Quorum "
                + "installed (its CA is on this workstation); new members must be hosts of its inventory.");
        pages.add(new HostsPickPage(choices));
        return new WizardModel("Add members", pages,
                () -> new AddPlanSource(choices.inventory().file(), services, List.copyOf(choices.chosen())), services);
    }
}
