package dev.quorum.app.renew;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Renew page: which members, and every certificate or only those with problems. */
final class RenewPage extends LazyViewPage {
    private final RenewChoices choices;

    RenewPage(RenewChoices choices) {
        super("Certificates to renew", Bindings.createBooleanBinding(() -> choices.targetProperty().get() != null,
                choices.targetProperty()));
        this.choices = choices;
    }

    @Override
    protected Node build() {
        ComboBox<String> target = new ComboBox<>(choices.targets());
        target.setId("renewTarget");
        target.valueProperty().bindBidirectional(choices.targetProperty());
        ToggleGroup which = new ToggleGroup();
        RadioButton problems = new RadioButton("Only certificates with problems (expired, expiring within "
                + choices.warnDaysProperty().get() + " days, wrong CA, SANs, key, file mode)");
        problems.setId("renewProblems");
        problems.setToggleGroup(which);
        RadioButton every = new RadioButton("Every member, admin and node certificate, even valid ones (--all)");
        every.setId("renewAll");
        every.setToggleGroup(which);
        (choices.everyCertificateProperty().get() ? every : problems).setSelected(true);
        every.selectedProperty().addListener((obs, was, now) -> choices.everyCertificateProperty().set(now));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Members"), target);
        return Fields.page(Fields.heading("Which certificates are re-issued?"), grid, new VBox(6, problems, every),
                Fields.note("New certificates come from the cluster CA on this workstation. One member at a time, "
                        + "the leader last: its new files (old ones kept in /var/backups/quorum), etcd restarted only "
                        + "if it still serves the old certificate, the member healthy before the next. A key file "
                        + "that is only too open is tightened with chmod. With all members, the node certificates of "
                        + "the Kubernetes hosts (k8s_cluster) follow; a Kubernetes host that cannot be reached is "
                        + "named in the run, with what to do, and does not stop it."));
    }
}
