package dev.quorum.app.remove;

import dev.quorum.app.wizard.MemberChoice;
import dev.quorum.app.wizard.MemberWizards;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Remove a member (dead or alive): the member, then the shared review, run and result pages. Runs
 * the same plan as {@code quorum remove --member M}.
 */
public final class RemoveMemberWizard {
    private RemoveMemberWizard() {
    }

    /**
     * Opens the wizard (modal to {@code owner} if given). From the cluster picture's context menu or the toolbar,
     * pass the inventory and the member (name or host): the inventory page is then skipped and the member chosen.
     */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath, String memberName) {
        return WizardWindow.open(owner, create(services, inventoryPath, memberName));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, String memberName) {
        RemoveChoices choices = new RemoveChoices(services);
        MemberChoice leaving = choices.leaving();
        List<WizardPage> pages = MemberWizards.pages(leaving, inventoryPath, memberName,
                "The cluster Quorum manages (its CA is on this workstation).", new MemberPage(choices));
        // exactly quorum remove --member M's plan
        return new WizardModel("Remove a member", pages, () -> {
            RemoveRequest request = new RemoveRequest(leaving.memberProperty().get().name());
            return MemberWizards.plan(leaving, services, session -> MemberPlans.remove(session, request));
        }, services);
    }
}
