package dev.quorum.app.remove;

import dev.quorum.app.wizard.ApiserversFollowUp;
import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.MemberChoice;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.members.MemberChange;
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
     * Opens the wizard (modal to {@code owner} if given). From the picture's context menu or the
     * toolbar, pass the inventory and the member: the inventory page is then skipped and the member chosen.
     *
     * @param inventoryPath the cluster's inventory, or null to ask for it
     * @param memberName    the member to preselect (name or host), or null
     */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath, String memberName) {
        return WizardWindow.open(owner, create(services, inventoryPath, memberName));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, String memberName) {
        RemoveChoices choices = new RemoveChoices(services);
        MemberChoice leaving = choices.leaving();
        List<WizardPage> pages = InventoryPage.unlessGiven(leaving.inventory(), inventoryPath,
                "The cluster Quorum manages (its CA is on this workstation).");
        leaving.preselectedProperty().set(memberName == null ? "" : memberName);
        pages.add(new MemberPage(choices));
        // exactly quorum remove --member M's plan
        return new WizardModel("Remove a member", pages, () -> {
            RemoveRequest request = new RemoveRequest(leaving.memberProperty().get().name());
            return SessionPlanSource.of(leaving.inventory().file(), services,
                    session -> {
                        MemberChange change = MemberPlans.remove(session, request);
                        return ApiserversFollowUp.offer(session, PreparedPlan.of(change), change.membersAfter());
                    });
        }, services);
    }
}
