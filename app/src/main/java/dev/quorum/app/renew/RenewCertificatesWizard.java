package dev.quorum.app.renew;

import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardState;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RenewalRequest;
import dev.quorum.core.lifecycle.renew.RotateCaRequest;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renew certificates: which members and which certificates, or a CA rotation, then the shared review, run and
 * result pages. Runs the same plan as {@code quorum certs renew} or {@code quorum certs rotate-ca}.
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
        return open(owner, services, inventory, hosts, List.of(), warnDays, afterRun);
    }

    /** @param kubernetesHosts the inventory's Kubernetes hosts outside the etcd group, offered for a rotation */
    public static Stage open(Window owner, WizardServices services, Path inventory, List<String> hosts,
                             List<String> kubernetesHosts, int warnDays, Runnable afterRun) {
        return WizardWindow.open(owner, create(services, inventory, hosts, kubernetesHosts, warnDays, afterRun));
    }

    /**
     * With the CA rotation already chosen (a diagnosis or the certificate inventory found the CA expired or expiring):
     * the page shows it checked, the user reviews the plan before anything runs.
     */
    public static Stage openRotation(Window owner, WizardServices services, Path inventory, List<String> hosts,
                                     List<String> kubernetesHosts, int warnDays, Runnable afterRun) {
        return WizardWindow.open(owner, create(services, inventory, hosts, kubernetesHosts, warnDays, afterRun, true));
    }

    public static WizardModel create(WizardServices services, Path inventory, List<String> hosts, int warnDays,
                                     Runnable afterRun) {
        return create(services, inventory, hosts, List.of(), warnDays, afterRun);
    }

    public static WizardModel create(WizardServices services, Path inventory, List<String> hosts,
                                     List<String> kubernetesHosts, int warnDays, Runnable afterRun) {
        return create(services, inventory, hosts, kubernetesHosts, warnDays, afterRun, false);
    }

    /** @param rotate the CA rotation chosen from the start */
    public static WizardModel create(WizardServices services, Path inventory, List<String> hosts,
                                     List<String> kubernetesHosts, int warnDays, Runnable afterRun, boolean rotate) {
        RenewChoices choices = new RenewChoices(hosts, warnDays);
        RotationChoices rotation = new RotationChoices(kubernetesHosts);
        rotation.rotateProperty().set(rotate);
        WizardModel model = new WizardModel("Renew certificates", List.of(new RenewPage(choices, rotation)),
                () -> rotation.rotateProperty().get() ? rotation(inventory, services, rotation.request())
                        : renewal(inventory, services, choices.request()), services);
        model.status().stateProperty().addListener((obs, old, now) -> {
            if (old == WizardState.RUNNING && now.ended()) {
                afterRun.run();
            }
        });
        return model;
    }

    /** Exactly quorum certs rotate-ca [--accept-unreached-kubernetes-hosts H,...]'s plan. */
    private static PlanSource rotation(Path inventory, WizardServices services, RotateCaRequest request) {
        return SessionPlanSource.of(inventory, bothClusters(services), session -> new PreparedPlan(
                CertPlans.rotateCa(session, request), afterwards(services)));
    }

    /** Exactly quorum certs renew [--member H] [--all]'s plan. */
    private static PlanSource renewal(Path inventory, WizardServices services, RenewalRequest request) {
        return SessionPlanSource.of(inventory, bothClusters(services), session -> new PreparedPlan(
                CertPlans.renew(session, request), afterwards(services)));
    }

    /**
     * The main cluster's plan, whichever cluster is shown: the events cluster uses its certificates and CA, and that
     * plan makes etcd-events serve them too (decision 0048), as {@code --cluster events} does in the CLI.
     */
    private static WizardServices bothClusters(WizardServices services) {
        return services.onCluster(ClusterLayout.MAIN);
    }

    private static List<String> afterwards(WizardServices services) {
        return services.layout() == ClusterLayout.EVENTS ? List.of("The events cluster uses the main cluster's "
                + "certificates and CA: this run acted on both clusters (etcd and etcd-events).",
                "The Certificates tab reads the certificates again now.")
                : List.of("The Certificates tab reads the certificates again now.");
    }
}
