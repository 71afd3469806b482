package dev.quorum.app.install;

import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.nio.file.Path;
import java.util.ArrayList;
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
        model.whenFinished(() -> {
            if (preflight.inventoryProperty().get() != null) {
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
                () -> installation(preflight.inventoryProperty().get(), services), services);
    }

    /** Exactly quorum install -i INVENTORY's plan. */
    private static PlanSource installation(Path inventory, WizardServices services) {
        return SessionPlanSource.of(inventory, services, session -> {
            Plan plan = InstallPlan.build(session);
            // The members are the inventory's etcd group: tell what to point clients at, as after a member change.
            List<String> afterwards = new ArrayList<>(new MemberChange(plan, session.inventory().etcdMembers(),
                    List.of(), List.of()).afterwards());
            afterwards.add("See it with: quorum status -i " + inventory);
            return new PreparedPlan(plan, afterwards, session.inventory().ignoredEtcdVariables());
        });
    }
}
