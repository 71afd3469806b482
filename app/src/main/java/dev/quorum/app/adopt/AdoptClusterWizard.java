package dev.quorum.app.adopt;

import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardPage;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.adopt.AdoptPlans;
import dev.quorum.core.lifecycle.adopt.AdoptRequest;
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
        List<WizardPage> pages = InventoryPage.unlessGiven(choices.inventory(), inventoryPath,
                "The Kubespray inventory of the cluster (etcd installed with etcd_deployment_type: host).");
        pages.add(new AdoptPage(choices));
        WizardModel model = new WizardModel("Adopt a Kubespray cluster", pages, () -> adoption(
                choices.inventory().file(), services, new AdoptRequest(choices.removeCaKeyProperty().get())), services);
        model.whenFinished(afterAdopted);
        return model;
    }

    /** Exactly quorum adopt [--remove-ca-from-hosts]'s plan. */
    private static PlanSource adoption(Path inventory, WizardServices services, AdoptRequest request) {
        // The main cluster's adoption, whichever cluster is shown: it adopts the events cluster too (decision 0048).
        return SessionPlanSource.of(inventory, services.onCluster(ClusterLayout.MAIN), session -> {
            List<String> afterwards = new ArrayList<>(List.of("Adopted: the main window now shows the members, and "
                    + "the Certificates tab every certificate (quorum status / quorum certs -i " + inventory + ")."));
            if (session.inventory().eventsCluster().isPresent()) {
                afterwards.add("The events cluster was adopted with it (same CA): the cluster header switches to it "
                        + "(quorum status -i " + inventory + " --cluster events).");
            }
            if (!request.removeCaKeyFromHosts()) {
                afterwards.add("ca-key.pem is still on the etcd hosts (Kubespray's habit). To take it off: this "
                        + "wizard again with the box ticked, or quorum adopt -i " + inventory
                        + " --remove-ca-from-hosts.");
            }
            return new PreparedPlan(AdoptPlans.adopt(session, request), afterwards);
        });
    }
}
