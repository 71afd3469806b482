package dev.quorum.app.install;

import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardState;
import dev.quorum.app.wizard.WizardWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
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

    /**
     * Like {@link #open(Window, WizardServices)}; {@code onInstalled} receives the inventory once a
     * run finished successfully (e.g. to show the new cluster). UI thread.
     */
    public static Stage open(Window owner, WizardServices services, Consumer<Path> onInstalled) {
        InstallChoices choices = new InstallChoices(services);
        PreflightModel preflight = new PreflightModel(choices);
        WizardModel model = create(services, choices, preflight);
        model.status().stateProperty().addListener((obs, before, now) -> {
            if (now == WizardState.FINISHED && preflight.inventoryProperty().get() != null) {
                onInstalled.accept(preflight.inventoryProperty().get());
            }
        });
        return WizardWindow.open(owner, model);
    }

    public static WizardModel create(WizardServices services) {
        InstallChoices choices = new InstallChoices(services);
        return create(services, choices, new PreflightModel(choices));
    }

    private static WizardModel create(WizardServices services, InstallChoices choices, PreflightModel preflight) {
        return new WizardModel("Install a cluster", List.of(new HostsPage(choices), new ReleasePage(choices),
                new PreflightPage(preflight)),
                () -> new InstallPlanSource(preflight.inventoryProperty().get(), services), services);
    }
}
