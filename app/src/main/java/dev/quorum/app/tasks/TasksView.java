package dev.quorum.app.tasks;

import dev.quorum.app.common.TaskExecutor;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Tasks tab: on the left the live log of this session and the cluster's past runs, on the
 * right the chosen one's log. Past runs are read in the background.
 */
public final class TasksView extends SplitPane {
    static final String LIVE = "Live (this session)";

    private final TaskExecutor executor;
    private final RunHistory history;
    private final ObservableList<Object> runs = FXCollections.observableArrayList(LIVE);
    private final ListView<Object> runList = new ListView<>(runs);
    private final LiveLogView liveView;
    private final LiveLogView pastView;
    private final StackPane shown = new StackPane();
    private final Label status = new Label();

    public TasksView(TaskExecutor executor, LogFeed liveFeed, Path runsDir) {
        this.executor = executor;
        this.history = new RunHistory(runsDir);
        LiveLogViewModel live = new LiveLogViewModel();
        live.attach(liveFeed);
        liveView = new LiveLogView(live, executor);
        pastView = new LiveLogView(new LiveLogViewModel(), executor);
        setId("tasks");
        runList.setId("run-list");
        runList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> show(now));
        Button reload = new Button("Reload", new FontIcon(MaterialDesignR.REFRESH));
        reload.setTooltip(new Tooltip("Read the run logs in " + runsDir + " again"));
        reload.setOnAction(e -> reloadHistory());
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        VBox left = new VBox(6, new HBox(6, new Label("Runs"), reload), runList, status);
        VBox.setVgrow(runList, Priority.ALWAYS);
        left.setMinWidth(220);
        shown.getChildren().add(liveView);
        getItems().addAll(left, shown);
        setDividerPositions(0.26);
        runList.getSelectionModel().select(LIVE);
        reloadHistory();
    }

    public void reloadHistory() {
        executor.submit(history::list, entries -> {
            Object chosen = runList.getSelectionModel().getSelectedItem();
            runs.setAll(LIVE);
            runs.addAll(entries);
            runList.getSelectionModel().select(runs.contains(chosen) ? chosen : LIVE);
            status.setText(entries.isEmpty() ? "no past runs yet" : entries.size() + " past runs");
        }, error -> status.setText("cannot read the run logs: " + error.getMessage()));
    }

    private void show(Object item) {
        if (item == null || LIVE.equals(item)) {
            shown.getChildren().setAll(liveView);
            return;
        }
        RunHistory.RunEntry entry = (RunHistory.RunEntry) item;
        shown.getChildren().setAll(pastView);
        executor.submit(() -> RunHistory.lines(entry.file()), lines -> pastView.model().replaceAll(lines),
                error -> status.setText("cannot read " + entry.file() + ": " + error.getMessage()));
    }

    public LiveLogView liveView() {
        return liveView;
    }

    public void dispose() {
        liveView.dispose();
        pastView.dispose();
    }
}
