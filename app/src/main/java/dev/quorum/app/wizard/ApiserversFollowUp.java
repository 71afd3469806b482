package dev.quorum.app.wizard;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.apiservers.ApiserverPlans;
import dev.quorum.core.lifecycle.apiservers.ApiserverRequest;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The result page's "Update kube-apiserver..." after add, remove, replace and restore (the CLI's
 * {@code --update-apiservers}): a small wizard of its own whose plan is exactly {@code quorum apiservers update}'s
 * with the members after the change. Lives with the frame because the four member wizards share it and may not
 * depend on each other's packages.
 */
public final class ApiserversFollowUp {
    private ApiserversFollowUp() {
    }

    /** {@code prepared}, offering the update when the inventory has control planes (else unchanged). */
    public static PreparedPlan offer(ClusterSession session, PreparedPlan prepared, List<EtcdMember> membersAfter) {
        List<String> controlPlanes = session.inventory().controlPlaneHosts();
        if (controlPlanes.isEmpty()) {
            return prepared;
        }
        Path inventory = session.inventory().source();
        ApiserverRequest request = ApiserverPlans.forMembers(membersAfter);
        return prepared.offering(new FollowUp("updateApiservers",
                "Update kube-apiserver " + request.flag().flagName() + "...",
                "Set " + request.flagText() + " in kube-apiserver's manifest on " + String.join(", ",
                        controlPlanes) + ", one control plane at a time, with a backup and a health check "
                        + "(quorum apiservers update)",
                services -> create(services, inventory, controlPlanes, request)));
    }

    static WizardModel create(WizardServices services, Path inventory, List<String> controlPlanes,
                              ApiserverRequest request) {
        WizardPage about = new LazyViewPage("Control planes", new SimpleBooleanProperty(true)) {
            @Override
            protected Node build() {
                Label text = new Label("kube-apiserver on " + String.join(", ", controlPlanes) + " gets\n"
                        + request.flagText() + "\n\nOne control plane at a time: its manifest is "
                        + "copied to /etc/kubernetes/quorum-backups, only that flag is edited, then Quorum waits for "
                        + "/livez/etcd. If it does not come back, the copy is put back and the run stops. A control "
                        + "plane already right checks ok; one that cannot be reached fails the run by name.");
                text.setId("apiserversAbout");
                text.setWrapText(true);
                return Fields.page(text);
            }
        };
        return new WizardModel("Update kube-apiserver", List.of(about), () -> SessionPlanSource.of(inventory, services,
                session -> new PreparedPlan(ApiserverPlans.update(session, request).plan(), List.of(
                        "kube-apiserver " + request.flagText() + " on the control planes that have a "
                                + "manifest"))), services);
    }
}
