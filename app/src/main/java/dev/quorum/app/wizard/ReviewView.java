package dev.quorum.app.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The review page: the plan's steps with hosts, commands and what the read-only checks found. Binds only. */
final class ReviewView {
    private ReviewView() {
    }

    static Node create(ReviewModel model) {
        Label headline = new Label();
        headline.setId("reviewHeadline");
        headline.setWrapText(true);
        headline.textProperty().bind(model.headlineProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.phaseProperty().get()
                == ReviewModel.Phase.BUILDING || model.phaseProperty().get() == ReviewModel.Phase.PREVIEWING,
                model.phaseProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        Label problem = Fields.reason("reviewProblem", model.problemProperty());
        Label ignored = new Label();
        ignored.setId("reviewIgnored");
        ignored.setWrapText(true);
        ignored.textProperty().bind(model.ignoredProperty());
        ignored.visibleProperty().bind(model.ignoredProperty().isNotEmpty());
        ignored.managedProperty().bind(ignored.visibleProperty());

        TableView<ReviewStep> table = new TableView<>(model.steps());
        table.setId("reviewSteps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", 40, s -> String.valueOf(s.number())));
        table.getColumns().add(column("Step", 220, ReviewStep::title));
        table.getColumns().add(column("Hosts", 120, ReviewStep::hosts));
        table.getColumns().add(column("Commands", 260, ReviewStep::commands));
        TableColumn<ReviewStep, String> found = new TableColumn<>("Would change?");
        found.setPrefWidth(240);
        found.setCellValueFactory(c -> c.getValue().foundProperty());
        found.setCellFactory(c -> wrapping());
        table.getColumns().add(found);
        table.setPlaceholder(new Label("No plan yet."));
        VBox.setVgrow(table, Priority.ALWAYS);
        return Fields.page(new HBox(8, busy, headline), problem, ignored, table);
    }

    /** Commands and results are long: wrap them rather than cut them off. */
    private static TableCell<ReviewStep, String> wrapping() {
        TableCell<ReviewStep, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
            }
        };
        cell.setWrapText(true);
        return cell;
    }

    private static TableColumn<ReviewStep, String> column(String title, double width,
                                                          java.util.function.Function<ReviewStep, String> value) {
        TableColumn<ReviewStep, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> wrapping());
        return column;
    }
}
