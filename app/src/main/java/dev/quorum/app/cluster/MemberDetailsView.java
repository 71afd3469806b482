package dev.quorum.app.cluster;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The selected member's facts. Each value label is bound to the selected member's property. */
public final class MemberDetailsView extends VBox {
    private final Label title = new Label("Select a member to see its details");
    private final GridPane grid = new GridPane();
    private int rows;

    public MemberDetailsView(ClusterViewModel model) {
        getStyleClass().add("member-details");
        title.getStyleClass().add("title-4");
        grid.setHgap(12);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The values take the rest of the width and wrap there, rather than end in "...".
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setPrefWidth(190);
        values.setMaxWidth(190);
        grid.getColumnConstraints().addAll(keys, values);
        ObservableValue<MemberViewModel> selected = model.selectedProperty();
        title.textProperty().bind(selected.map(m -> "Member " + m.name()).orElse("Select a member to see its details"));
        row("State", selected, m -> m.stateProperty().map(MemberState::words));
        row("Host", selected, MemberViewModel::hostProperty);
        row("Endpoint", selected, MemberViewModel::endpointProperty);
        row("Member ID", selected, MemberViewModel::memberIdProperty);
        row("Version", selected, MemberViewModel::versionProperty);
        row("Raft", selected, MemberViewModel::raftProperty);
        row("Lag behind leader", selected, MemberViewModel::lagProperty);
        row("DB size", selected, MemberViewModel::dbSizeProperty);
        row("Alarms", selected, MemberViewModel::alarmsProperty);
        row("Service", selected, MemberViewModel::serviceProperty);
        row("Certificate", selected, MemberViewModel::certificateProperty);
        row("Problem", selected, MemberViewModel::problemProperty);
        setSpacing(10);
        getChildren().addAll(title, grid);
        grid.visibleProperty().bind(selected.map(m -> true).orElse(false));
    }

    private void row(String name, ObservableValue<MemberViewModel> selected,
                     Function<MemberViewModel, ObservableValue<String>> value) {
        Label key = new Label(name);
        key.getStyleClass().add("text-muted");
        Label shown = new Label();
        shown.setId("detail-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        shown.setWrapText(true);
        // A fixed width makes the label's preferred height that of its wrapped lines.
        shown.setPrefWidth(190);
        shown.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // flatMap follows the selection: the label shows whichever member is selected now
        shown.textProperty().bind(selected.flatMap(value).orElse(""));
        grid.addRow(rows++, key, shown);
    }

}
