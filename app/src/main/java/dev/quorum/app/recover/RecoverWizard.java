package dev.quorum.app.recover;

import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.RecoverPlan;
import dev.quorum.core.lifecycle.recover.RecoverRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Diagnose a cluster from each host's own view and recover it: the diagnosis page, then the
 * shared review, run and result pages with {@code quorum recover}'s plan.
 */
public final class RecoverWizard {
    private RecoverWizard() {
    }

    /**
     * @param inventoryPath the open cluster's inventory
     * @param onDiagnosis   told of each diagnosis shown (UI thread), e.g. to draw its peer links on the main window
     * @param wizards       the wizards an action's button may open (replace, restore, ...)
     */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath,
                             Consumer<Diagnosis> onDiagnosis, WizardOpener wizards) {
        return WizardWindow.open(owner, create(services, inventoryPath,
                new ClusterDiagnosis(inventoryPath, services), onDiagnosis, wizards));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, Consumer<Diagnosis> onDiagnosis) {
        Objects.requireNonNull(inventoryPath, "inventoryPath");
        return create(services, inventoryPath, new ClusterDiagnosis(inventoryPath, services), onDiagnosis);
    }

    /** @param diagnose how a diagnosis is made: over SSH in the app, hand-made in view tests */
    static WizardModel create(WizardServices services, Path inventoryPath, Callable<Diagnosis> diagnose,
                              Consumer<Diagnosis> onDiagnosis) {
        return create(services, inventoryPath, diagnose, onDiagnosis, WizardOpener.NONE);
    }

    static WizardModel create(WizardServices services, Path inventoryPath, Callable<Diagnosis> diagnose,
                              Consumer<Diagnosis> onDiagnosis, WizardOpener wizards) {
        Objects.requireNonNull(inventoryPath, "inventoryPath");
        DiagnosisModel diagnosis = new DiagnosisModel(services.executor(), diagnose,
                inventoryArgument(inventoryPath, services), wizards);
        diagnosis.diagnosisProperty().addListener((obs, old, now) -> {
            if (now != null) {
                onDiagnosis.accept(now);
            }
        });
        DiagnosisPage page = new DiagnosisPage(diagnosis);
        WizardModel wizard = new WizardModel("Diagnose and recover", List.of(page),
                () -> recovery(inventoryPath, services), services);
        page.onRecover(wizard::next);
        return wizard;
    }

    /** The inventory as the commands a diagnosis suggests name it: with --cluster events there, as quorum recover. */
    static String inventoryArgument(Path inventory, WizardServices services) {
        return inventory + services.clusterArgument();
    }

    /** Exactly quorum recover's plan, from a fresh diagnosis (it refuses with a hint to restore when quorum is lost). */
    private static PlanSource recovery(Path inventory, WizardServices services) {
        return SessionPlanSource.of(inventory, services, session -> {
            RecoverPlan.Recovery recovery = RecoverPlan.build(session,
                    RecoverRequest.of(inventoryArgument(inventory, services)));
            return new PreparedPlan(recovery.plan(), List.of(
                    "Before the run: " + recovery.diagnosis().sentence() + ".",
                    "When the run is done, its last step has confirmed with a fresh diagnosis that every member "
                            + "rejoined and caught up: the cluster is healthy. Open Diagnose / Recover again to see "
                            + "each host's view."));
        });
    }
}
