package dev.quorum.app.upgrade;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

/** Each member's version, the cluster version, mixed versions, the target and the path to it. */
final class VersionsPage extends LazyViewPage {
    private final UpgradeChoices choices;

    VersionsPage(UpgradeChoices choices) {
        super("Versions", Bindings.createBooleanBinding(() -> choices.readReason().get().isEmpty(),
                choices.readReason()));
        this.choices = choices;
    }

    UpgradeChoices choices() {
        return choices;
    }

    @Override
    public void shown() {
        choices.refresh();
    }

    @Override
    protected Node build() {
        ObservableValue<UpgradeOutlook> outlook = choices.outlookProperty();
        Label mixed = new Label("mixed versions: a rolling upgrade (or rollback) is under way");
        mixed.setId("upgradeMixed");
        mixed.getStyleClass().add("mixed-versions-badge");
        mixed.visibleProperty().bind(outlook.map(UpgradeOutlook::mixed).orElse(false));
        mixed.managedProperty().bind(mixed.visibleProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("refreshUpgrade");
        refresh.setOnAction(e -> choices.refresh());
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        fact(facts, 0, "Running", "upgradeCurrent", outlook.map(UpgradeOutlook::current));
        fact(facts, 1, "Cluster version", "upgradeClusterVersion", outlook.map(UpgradeOutlook::clusterVersion));
        fact(facts, 2, "Target (etcd_version)", "upgradeTarget", outlook.map(UpgradeOutlook::target));
        fact(facts, 3, "Path", "upgradePath", outlook.map(UpgradeOutlook::path));
        return Fields.page(Fields.heading("Versions now"), table(outlook), mixed, facts,
                Fields.reason("upgradeReadReason", choices.readReason()), refresh,
                Fields.note("etcd upgrades one minor at a time (3.4 -> 3.5 -> 3.6 -> 3.7), one member at a time. "
                        + "The cluster version is what the cluster as a whole speaks: the lowest of its members' "
                        + "lines, raised by the leader once every member runs the new one."));
    }

    private static void fact(GridPane grid, int row, String name, String id, ObservableValue<String> value) {
        Label key = new Label(name);
        key.getStyleClass().add("text-muted");
        Label shown = new Label();
        shown.setId(id);
        shown.setWrapText(true);
        shown.textProperty().bind(value.orElse(""));
        grid.addRow(row, key, shown);
    }

    private static TableView<MemberRow> table(ObservableValue<UpgradeOutlook> outlook) {
        ObservableList<MemberRow> rows = FXCollections.observableArrayList();
        outlook.subscribe(now -> rows.setAll(now == null ? List.of() : now.members()));
        TableView<MemberRow> table = new TableView<>(rows);
        table.setId("upgradeMembers");
        table.setPrefHeight(150);
        table.getColumns().add(column("Member", MemberRow::member));
        table.getColumns().add(column("Host", MemberRow::host));
        table.getColumns().add(column("Version", MemberRow::version));
        table.getColumns().add(column("Role", MemberRow::role));
        table.getColumns().add(column("Kept", MemberRow::kept));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<MemberRow, String> column(String title, Function<MemberRow, String> value) {
        TableColumn<MemberRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
