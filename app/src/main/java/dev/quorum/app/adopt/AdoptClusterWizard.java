package dev.quorum.app.adopt;

import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardState;
import dev.quorum.app.wizard.WizardWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Adopt a cluster Kubespray installed: the page, then the shared review, run and result pages. Runs
 * the same plan as {@code quorum adopt [--remove-ca-from-hosts]}.
 */
public final class AdoptClusterWizard {
    private AdoptClusterWizard() {
    }

    /**
     * @param inventoryPath the cluster's inventory (the inventory page is then skipped), or null to ask
     * @param afterAdopted  called on the UI thread each time a run has succeeded
     */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath, Runnable afterAdopted) {
        return WizardWindow.open(owner, create(services, inventoryPath, afterAdopted));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, Runnable afterAdopted) {
        AdoptChoices choices = new AdoptChoices(services);
        List<WizardPage> pages = new ArrayList<>();
        if (inventoryPath == null) {
            pages.add(new InventoryPage(choices.inventory(), "The Kubespray inventory of the cluster (etcd installed "
                    + "with etcd_deployment_type: host)."));
        } else {
            choices.inventory().pathProperty().set(inventoryPath.toString());
        }
        pages.add(new AdoptPage(choices));
        WizardModel model = new WizardModel("Adopt a Kubespray cluster", pages, () -> new AdoptPlanSource(
                choices.inventory().file(), services, choices.removeCaKeyProperty().get()), services);
        model.status().stateProperty().addListener((obs, old, now) -> {
            if (now == WizardState.FINISHED) {
                afterAdopted.run();
            }
        });
        return model;
    }
}
