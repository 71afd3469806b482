package dev.quorum.app.wizard;

import dev.quorum.core.engine.report.LogLine;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The run page: a step x host table with icon + word per cell, and the live log. Binds only. */
final class RunView {
    private RunView() {
    }

    static Node create(RunModel model) {
        Label current = new Label();
        current.setId("runCurrent");
        current.textProperty().bind(model.currentProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());

        TableView<StepProgress> table = new TableView<>(model.rows());
        table.setId("runProgress");
        TableColumn<StepProgress, String> step = new TableColumn<>("Step");
        step.setPrefWidth(260);
        step.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().title()));
        table.getColumns().add(step);
        model.hosts().forEach(host -> table.getColumns().add(hostColumn(host)));
        model.hosts().addListener((ListChangeListener<String>) change -> {
            table.getColumns().remove(1, table.getColumns().size());
            model.hosts().forEach(host -> table.getColumns().add(hostColumn(host)));
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        ListView<LogLine> log = new ListView<>(model.log());
        log.setId("runLog");
        log.setPrefHeight(180);
        log.setCellFactory(list -> new LogCell());
        log.getStyleClass().add(Styles.DENSE);
        model.log().addListener((ListChangeListener<LogLine>) change -> {
            if (!model.log().isEmpty()) {
                log.scrollTo(model.log().size() - 1);
            }
        });
        return Fields.page(new HBox(8, busy, current), table, new Label("Live log"), log);
    }

    /** A log line, its level as a style class and, for warnings and errors, an icon too. */
    private static final class LogCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(line.toString());
            switch (line.level()) {
                case WARN -> {
                    getStyleClass().add(Styles.WARNING);
                    setGraphic(new FontIcon("mdi2a-alert-outline"));
                }
                case ERROR -> {
                    getStyleClass().add(Styles.DANGER);
                    setGraphic(new FontIcon("mdi2c-close-circle-outline"));
                }
                default -> setGraphic(null);
            }
        }
    }

    private static TableColumn<StepProgress, Cell> hostColumn(String host) {
        TableColumn<StepProgress, Cell> column = new TableColumn<>(host);
        column.setPrefWidth(110);
        column.setCellValueFactory(c -> Bindings.valueAt(c.getValue().cells(), host));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Cell cell, boolean empty) {
                super.updateItem(cell, empty);
                if (empty || cell == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(cell.word());
                    setGraphic(new FontIcon(cell.icon()));
                    setTooltip(cell.message().isBlank() ? null : new javafx.scene.control.Tooltip(cell.message()));
                }
            }
        });
        return column;
    }
}
