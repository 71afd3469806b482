package dev.quorum.app.renew;

import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardState;
import dev.quorum.app.wizard.WizardWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renew certificates: which members and which certificates, then the shared review, run and
 * result pages. Runs the same plan as {@code quorum certs renew}.
 */
public final class RenewCertificatesWizard {
    private RenewCertificatesWizard() {
    }

    /**
     * @param hosts    the inventory's etcd hosts, offered one by one after "All members"
     * @param afterRun called on the UI thread each time a run ends, well or not
     */
    public static Stage open(Window owner, WizardServices services, Path inventory, List<String> hosts, int warnDays,
                             Runnable afterRun) {
        return WizardWindow.open(owner, create(services, inventory, hosts, warnDays, afterRun));
    }

    public static WizardModel create(WizardServices services, Path inventory, List<String> hosts, int warnDays,
                                     Runnable afterRun) {
        RenewChoices choices = new RenewChoices(hosts, warnDays);
        WizardModel model = new WizardModel("Renew certificates", List.of(new RenewPage(choices)),
                () -> new RenewPlanSource(inventory, services, choices.request()), services);
        model.status().stateProperty().addListener((obs, old, now) -> {
            if (old == WizardState.RUNNING && now.ended()) {
                afterRun.run();
            }
        });
        return model;
    }
}
