package dev.quorum.app.remove;

import atlantafx.base.theme.Styles;
import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** Remove page: the member leaving (preselected), the quorum arithmetic of its removal, the data-dir warning. */
final class MemberPage extends LazyViewPage {
    private final RemoveChoices choices;

    MemberPage(RemoveChoices choices) {
        super("Member to remove", Bindings.createBooleanBinding(() -> choices.memberReason().get().isEmpty()
                        && choices.leaving().cluster().loadedProperty().get(),
                choices.memberReason(), choices.leaving().cluster().loadedProperty()));
        this.choices = choices;
    }

    @Override
    public void shown() {
        choices.leaving().load();
    }

    @Override
    protected Node build() {
        ComboBox<ClusterMembers.Member> member = new ComboBox<>(choices.leaving().cluster().leavable());
        member.setId("removeMember");
        member.valueProperty().bindBidirectional(choices.leaving().memberProperty());
        Label status = new Label();
        status.setId("clusterStatus");
        status.textProperty().bind(choices.leaving().cluster().statusProperty());
        Label arithmetic = Fields.said("quorumArithmetic", choices.arithmetic());
        Label warning = Fields.said("dataDirWarning", choices.warning());
        warning.getStyleClass().add(Styles.WARNING);
        warning.setGraphic(new FontIcon("mdi2a-alert-outline"));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Member to remove"), member);
        return Fields.page(Fields.heading("Which member leaves the cluster?"), status, grid,
                Fields.reason("removeMemberReason", choices.memberReason()), arithmetic, warning,
                Fields.note("The member is removed after a snapshot, with leadership moved away first; it works when "
                        + "its host is dead. The remove guard checks the quorum again on the live cluster when the "
                        + "plan is reviewed and when it runs."));
    }
}
