package dev.quorum.app.install;

import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Install a new cluster: hosts (inventory or typed in), release and settings, preflight, then the
 * shared review, run and result pages. Runs the same plan as {@code quorum install}.
 */
public final class InstallWizard {
    private InstallWizard() {
    }

    /** Opens the wizard in its own window (modal to {@code owner} if given). UI thread. */
    public static Stage open(Window owner, WizardServices services) {
        return WizardWindow.open(owner, create(services));
    }

    public static WizardModel create(WizardServices services) {
        InstallChoices choices = new InstallChoices(services);
        PreflightModel preflight = new PreflightModel(choices);
        return new WizardModel("Install a cluster", List.of(new HostsPage(choices), new ReleasePage(choices),
                new PreflightPage(preflight)),
                () -> new InstallPlanSource(preflight.inventoryProperty().get(), services), services);
    }
}
