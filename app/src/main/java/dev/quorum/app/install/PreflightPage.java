package dev.quorum.app.install;

import dev.quorum.app.wizard.Cell;
import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Install page 3: per host, its host key and the plan's preflight checks; consent for new keys. */
final class PreflightPage extends LazyViewPage {
    private final PreflightModel model;

    PreflightPage(PreflightModel model) {
        super("Preflight", model.complete());
        this.model = model;
    }

    @Override
    public void shown() {
        model.check();
    }

    @Override
    protected Node build() {
        TableView<PreflightRow> table = new TableView<>(model.rows());
        table.setId("preflightRows");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Host", 80, PreflightRow::host));
        table.getColumns().add(text("Address", 110, PreflightRow::address));
        table.getColumns().add(text("Host key", 260, PreflightRow::hostKey));
        TableColumn<PreflightRow, Cell> result = new TableColumn<>("Checks (SSH, OS, disk, ports, etcd data)");
        result.setPrefWidth(380);
        result.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().result()));
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Cell cell, boolean empty) {
                super.updateItem(cell, empty);
                setText(empty || cell == null ? null : cell.word() + ": " + cell.message());
                setGraphic(empty || cell == null ? null : new FontIcon(cell.icon()));
                setTooltip(empty || cell == null ? null : new Tooltip(cell.message()));
                setWrapText(true);
            }
        });
        table.getColumns().add(result);
        table.setPlaceholder(new javafx.scene.control.Label("Checking the hosts..."));
        VBox.setVgrow(table, Priority.ALWAYS);

        CheckBox trust = model.trust().box(model.checkingProperty());

        Button again = new Button("Check again");
        again.setId("checkAgain");
        again.disableProperty().bind(model.checkingProperty());
        again.setOnAction(e -> model.check());
        again.setTooltip(new Tooltip("Read the host keys and run the read-only checks again"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.checkingProperty());
        return Fields.page(Fields.heading("Preflight: nothing is changed on the hosts"),
                Fields.note("Each host's SSH key is compared with known_hosts; then the install plan's own "
                        + "read-only checks run on it."),
                Fields.reason("preflightProblem", model.problemProperty()), table, trust, new HBox(8, again, busy));
    }

    private static TableColumn<PreflightRow, String> text(String title, double width,
                                                          java.util.function.Function<PreflightRow, String> value) {
        TableColumn<PreflightRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }
}
