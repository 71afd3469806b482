package dev.quorum.app.renew;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Renew page: which members, and every certificate or only those with problems; or a CA rotation. */
final class RenewPage extends LazyViewPage {
    private final RenewChoices choices;
    private final RotationChoices rotation;

    RenewPage(RenewChoices choices, RotationChoices rotation) {
        super("Certificates to renew", Bindings.createBooleanBinding(() -> choices.targetProperty().get() != null,
                choices.targetProperty()));
        this.choices = choices;
        this.rotation = rotation;
    }

    @Override
    protected Node build() {
        ComboBox<String> target = new ComboBox<>(choices.targets());
        target.setId("renewTarget");
        target.valueProperty().bindBidirectional(choices.targetProperty());
        target.disableProperty().bind(rotation.rotateProperty());
        ToggleGroup which = new ToggleGroup();
        RadioButton problems = new RadioButton("Only certificates with problems (expired, expiring within "
                + choices.warnDaysProperty().get() + " days, wrong CA, SANs, key, file mode)");
        problems.setId("renewProblems");
        problems.setToggleGroup(which);
        RadioButton every = new RadioButton("Every member, admin and node certificate, even valid ones (--all)");
        every.setId("renewAll");
        every.setToggleGroup(which);
        RadioButton rotate = new RadioButton("Replace the CA: every certificate from a new CA (quorum certs rotate-ca)");
        rotate.setId("rotateCa");
        rotate.setToggleGroup(which);
        (rotation.rotateProperty().get() ? rotate : choices.everyCertificateProperty().get() ? every : problems)
                .setSelected(true);
        every.selectedProperty().addListener((obs, was, now) -> choices.everyCertificateProperty().set(now));
        rotate.selectedProperty().addListener((obs, was, now) -> rotation.rotateProperty().set(now));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Members"), target);
        return Fields.page(Fields.heading("Which certificates are re-issued?"), grid,
                new VBox(6, problems, every, rotate), acceptUnreached(),
                Fields.note("New certificates come from the cluster CA on this workstation. One member at a time, "
                        + "the leader last: its new files (old ones kept in /var/backups/quorum), etcd restarted only "
                        + "if it still serves the old certificate, the member healthy before the next. A key file "
                        + "that is only too open is tightened with chmod. With all members, the node certificates of "
                        + "the Kubernetes hosts (k8s_cluster) follow; a Kubernetes host that cannot be reached is "
                        + "named in the run, with what to do, and does not stop it. A CA rotation gives the Kubernetes "
                        + "hosts the old and the new CA first and drops the old CA last; one that cannot be reached "
                        + "stops it before members serve the new CA, unless it is ticked above. kube-apiserver reads "
                        + "its CA file only when it starts: on a Kubernetes cluster run quorum certs rotate-ca "
                        + "--trust-only first and restart it on each control plane."));
    }

    /** One explicit checkbox per Kubernetes host, only for a rotation. */
    private Node acceptUnreached() {
        VBox boxes = new VBox(4);
        for (String host : rotation.kubernetesHosts()) {
            CheckBox accept = new CheckBox("If " + host + " cannot be reached, go on and cut it off etcd (it keeps "
                    + "the old CA and its old node certificate)");
            accept.setId("acceptUnreached-" + host);
            accept.selectedProperty().bindBidirectional(rotation.acceptProperty(host));
            accept.disableProperty().bind(rotation.rotateProperty().not());
            boxes.getChildren().add(accept);
        }
        return boxes;
    }
}
