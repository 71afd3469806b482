package dev.quorum.app.tasks;

import dev.quorum.core.engine.report.LogLine;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.engine.LogLevel;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * A live log: filters, search, follow-tail, copy and export over a virtualised list. While it is
 * on screen it drains its feed every 50 ms (at most 20 UI updates a second, however fast lines
 * come); off screen it does nothing, so a closed view holds no timer.
 */
public final class LiveLogView extends VBox {
    static final Duration FRAME = Duration.millis(50);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final LiveLogViewModel model;
    private final TaskExecutor executor;
    private final ListView<LogLine> list;
    private final Timeline pump = new Timeline(new KeyFrame(FRAME, e -> pump()));
    /** Lines arrived in the last frame: their scroll may have run before the list counted them. */
    private boolean tailUnsettled;
    private final Label message = new Label();

    public LiveLogView(LiveLogViewModel model, TaskExecutor executor) {
        this.model = model;
        this.executor = executor;
        getStyleClass().add("live-log");
        list = new ListView<>(model.visible());
        list.setId("log-lines");
        list.getStyleClass().add("log-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> new LineCell());
        list.setFixedCellSize(22); // uniform rows let the virtual flow skip measuring each line
        VBox.setVgrow(list, Priority.ALWAYS);
        Label counts = new Label();
        counts.setId("log-counts");
        counts.textProperty().bind(model.countsProperty());
        counts.getStyleClass().add("text-muted");
        message.getStyleClass().add("text-muted");
        HBox footer = new HBox(12, counts, message);
        getChildren().addAll(toolbar(), list, footer);
        setSpacing(6);
        pump.setCycleCount(Animation.INDEFINITE);
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, was, now) -> running(now));
        running(showing.getValue());
    }

    private void running(boolean on) {
        if (on) {
            pump.play();
        } else {
            pump.stop();
        }
    }

    /**
     * One frame: take what arrived, and keep the newest line in view when following. A scroll in the same frame as
     * the change runs before the list's skin has counted the new lines (it does so at its next layout), so the
     * list can stop short of the end (JavaFX bug JDK-8328167, fixed after 21); the frame after the last change
     * scrolls once more, with the count settled.
     */
    void pump() {
        boolean following = model.followProperty().get();
        if (tailUnsettled && following && !model.visible().isEmpty()) {
            list.scrollTo(model.visible().size() - 1);
        }
        tailUnsettled = model.drain() > 0;
        if (tailUnsettled && following && !model.visible().isEmpty()) {
            list.scrollTo(model.visible().size() - 1);
        }
    }

    private HBox toolbar() {
        ComboBox<String> host = new ComboBox<>(model.hosts());
        host.valueProperty().bindBidirectional(model.hostProperty());
        host.setTooltip(new Tooltip("Show one host's lines only"));
        host.setId("log-host");
        host.setPrefWidth(130);
        ComboBox<String> step = new ComboBox<>(model.steps());
        step.valueProperty().bindBidirectional(model.stepProperty());
        step.setTooltip(new Tooltip("Show one step's lines only"));
        step.setPrefWidth(190);
        ComboBox<LogLevel> level = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(LogLevel.values()));
        level.valueProperty().bindBidirectional(model.minLevelProperty());
        level.setTooltip(new Tooltip("Lowest level shown"));
        level.setPrefWidth(120);
        TextField search = new TextField();
        search.setPromptText("Search");
        search.setId("log-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        CheckBox follow = new CheckBox("Follow");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        follow.setTooltip(new Tooltip("Keep the newest line in view"));
        Button copy = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setTooltip(new Tooltip("Copy the selected lines (all shown lines if none is selected)"));
        copy.setOnAction(e -> copy());
        Button export = new Button(null, new FontIcon(MaterialDesignE.EXPORT));
        export.setTooltip(new Tooltip("Export the shown lines to a text file"));
        export.setOnAction(e -> export());
        follow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        FontIcon filter = new FontIcon(MaterialDesignM.MAGNIFY);
        HBox bar = new HBox(6, host, step, level, filter, search, follow, copy, export);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private void copy() {
        var selected = list.getSelectionModel().getSelectedItems();
        String text = LiveLogViewModel.text(selected.isEmpty() ? model.visibleSnapshot() : java.util.List.copyOf(selected));
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        message.setText("copied");
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the log");
        chooser.setInitialFileName("quorum-log.txt");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            var snapshot = model.visibleSnapshot();
            executor.submit(() -> LiveLogViewModel.export(snapshot, file.toPath()),
                    path -> message.setText("exported to " + path),
                    error -> message.setText("export failed: " + error.getMessage()));
        }
    }

    public LiveLogViewModel model() {
        return model;
    }

    /** Stops the frame timer for good (the view is being thrown away). */
    public void dispose() {
        pump.stop();
    }

    private static final class LineCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(c -> c.startsWith("log-"));
            if (empty || line == null) {
                setText(null);
            } else {
                setText(TIME.format(line.time()) + "  " + line.formatted());
                getStyleClass().add(LiveLogViewModel.styleClass(line));
            }
        }
    }
}
