package dev.quorum.app.replace;

import dev.quorum.app.wizard.MemberChoice;
import dev.quorum.app.wizard.MemberWizards;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import java.nio.file.Path;
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
     * Opens the wizard (modal to {@code owner} if given). From the cluster picture's context menu or the toolbar,
     * pass the inventory and the member (name or host): the inventory page is then skipped and the member chosen.
     */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath, String memberName) {
        return WizardWindow.open(owner, create(services, inventoryPath, memberName));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, String memberName) {
        ReplaceChoices choices = new ReplaceChoices(services);
        MemberChoice leaving = choices.leaving();
        List<WizardPage> pages = MemberWizards.pages(leaving, inventoryPath, memberName, "The cluster Quorum "
                + "installed (its CA is on this workstation); the new host must be one of the inventory's hosts.",
                new MemberPage(choices));
        // exactly quorum replace --member OLD --with NEW [--keep-name]'s plan
        return new WizardModel("Replace a member", pages, () -> {
            ReplaceRequest request = new ReplaceRequest(leaving.memberProperty().get().name(),
                    choices.newHostProperty().get(), choices.keepNameProperty().get());
            return MemberWizards.plan(leaving, services, session -> MemberPlans.replace(session, request));
        }, services);
    }
}
