package dev.quorum.app.replace;

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
 * Replace a member (dead or alive) by another inventory host: member and host, then the shared
 * review, run and result pages. Runs the same plan as {@code quorum replace}.
 */
public final class ReplaceMemberWizard {
    private ReplaceMemberWizard() {
    }

    /**
     * Opens the wizard (modal to {@code owner} if given). From the cluster picture's context menu,
     * pass the inventory and the member: the inventory page is then skipped and the member chosen.
     *
     * @param inventoryPath the cluster's inventory, or null to ask for it
     * @param memberName    the member to preselect (name or host), or null
     */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath, String memberName) {
        return WizardWindow.open(owner, create(services, inventoryPath, memberName));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, String memberName) {
        ReplaceChoices choices = new ReplaceChoices(services);
        List<WizardPage> pages = new ArrayList<>();
        if (inventoryPath == null) {
            pages.add(new InventoryPage(choices.inventory(), "The cluster Quorum installed (its CA is on this "
                    + "workstation); the new host must be one of the inventory's hosts."));
        } else {
            choices.inventory().pathProperty().set(inventoryPath.toString());
        }
        choices.preselectedProperty().set(memberName == null ? "" : memberName);
        pages.add(new MemberPage(choices));
        return new WizardModel("Replace a member", pages, () -> new ReplacePlanSource(choices.inventory().file(),
                services, choices.oldMemberProperty().get().name(), choices.newHostProperty().get(),
                choices.keepNameProperty().get()), services);
    }
}
