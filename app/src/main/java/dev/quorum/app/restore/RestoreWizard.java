package dev.quorum.app.restore;

import dev.quorum.app.wizard.ApiserversFollowUp;
import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Disaster recovery: source (snapshot or survivor), the new cluster's hosts, a loud typed
 * confirmation, then the shared review, run and result pages. Runs the plan {@code quorum restore} runs.
 */
public final class RestoreWizard {
    private RestoreWizard() {
    }

    /** Opens the wizard (modal to {@code owner} if given) on the cluster of {@code inventoryPath}, the snapshot preselected. */
    public static Stage open(Window owner, WizardServices services, Path inventoryPath, Optional<Path> snapshot) {
        return WizardWindow.open(owner, create(services, inventoryPath, snapshot));
    }

    public static WizardModel create(WizardServices services, Path inventoryPath, Optional<Path> snapshot) {
        return create(new RestoreChoices(services), services, inventoryPath, snapshot);
    }

    static WizardModel create(RestoreChoices choices, WizardServices services, Path inventoryPath,
                              Optional<Path> snapshot) {
        choices.inventory().pathProperty().set(inventoryPath.toString());
        snapshot.ifPresent(file -> choices.snapshotPathProperty().set(file.toString()));
        return new WizardModel("Disaster recovery", List.of(new SourcePage(choices), new HostsPage(choices),
                new ConfirmPage(choices)), () -> restoration(choices.inventory().file(), services,
                choices.request()), services);
    }

    /** Exactly quorum restore --snapshot FILE or --from-survivor HOST's plan. */
    private static PlanSource restoration(Path inventory, WizardServices services, RestoreRequest request) {
        return SessionPlanSource.of(inventory, services, session -> {
            String endpoints = session.inventory().etcdMembers().stream().map(EtcdMember::clientUrl)
                    .collect(Collectors.joining(","));
            return ApiserversFollowUp.offer(session, new PreparedPlan(RestorePlan.build(session, request), List.of(
                    "The cluster has new member IDs and a new cluster ID; clients reconnect by endpoint: " + endpoints,
                    "Old data dirs were kept as " + session.inventory().etcd().dataDir()
                            + ".before-restore-TIME on each host; remove them once you are sure.")),
                    session.inventory().etcdMembers());
        });
    }
}
