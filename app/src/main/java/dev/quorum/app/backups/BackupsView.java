package dev.quorum.app.backups;

import dev.quorum.app.controls.ContentColumnResize;
import dev.quorum.app.controls.FullTextCell;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Backups tab: schedule, next run, last result and health above the table of every host's backups; the selected
 * backup can be pulled to this workstation, or pulled and restored from.
 */
public final class BackupsView extends VBox {

    public BackupsView(BackupsViewModel model, Consumer<Path> onRestore) {
        this(model, onRestore, ScheduleOpener.NONE);
    }

    /**
     * @param onRestore opens the restore wizard on a pulled backup's file (the Snapshots tab's Restore... does the same)
     * @param wizards   opens the Schedule and Unschedule wizards
     */
    public BackupsView(BackupsViewModel model, Consumer<Path> onRestore, ScheduleOpener wizards) {
        setId("backups-view");
        setSpacing(8);
        setPadding(new Insets(8));
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        fact(facts, 0, "Schedule", "backups-schedule", model.scheduleProperty());
        fact(facts, 1, "Next run", "backups-next-run", model.nextRunProperty());
        fact(facts, 2, "Last result", "backups-last-result", model.lastResultProperty());
        Label health = fact(facts, 3, "Health", "backups-health", model.healthTextProperty());
        fact(facts, 4, "Off-site", "backups-offsite", model.offsiteProperty());
        model.attentionProperty().addListener((obs, was, now) -> {
            if (now) {
                health.getStyleClass().add("cluster-problem");
            } else {
                health.getStyleClass().remove("cluster-problem");
            }
        });

        Button run = new Button("Run now", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        run.setId("backups-run-now");
        run.setTooltip(new Tooltip("Start the scheduled backup now on every member's host (quorum backup run); "
                + "the run shows in the Tasks tab"));
        run.disableProperty().bind(model.runningProperty().or(new SimpleBooleanProperty(!model.available())));
        run.setOnAction(e -> model.runNow());
        Button schedule = new Button("Schedule...", new FontIcon(MaterialDesignC.CALENDAR_CLOCK));
        schedule.setId("backups-schedule-open");
        schedule.setTooltip(new Tooltip("Schedule the backups, or change the schedule (every, keep, off-site copy): "
                + "quorum backup schedule, with its plan shown before anything changes"));
        schedule.disableProperty().bind(model.canScheduleProperty().not());
        schedule.setOnAction(e -> model.schedule(wizards));
        Button unschedule = new Button("Unschedule...", new FontIcon(MaterialDesignC.CALENDAR_REMOVE));
        unschedule.setId("backups-unschedule-open");
        unschedule.setTooltip(new Tooltip("Stop the backup timer on every member's host (quorum backup unschedule); "
                + "the backups taken stay"));
        unschedule.disableProperty().bind(model.canScheduleProperty().not());
        unschedule.setOnAction(e -> model.unschedule(wizards));
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("backups-refresh");
        refresh.disableProperty().bind(model.runningProperty().or(model.readingProperty()));
        refresh.setOnAction(e -> model.refresh());
        Button pull = new Button("Pull to this workstation", new FontIcon(MaterialDesignD.DOWNLOAD));
        pull.setId("backups-pull");
        pull.setTooltip(new Tooltip("Copy the selected backup into this cluster's snapshot folder (quorum backup pull), "
                + "checked against its sha256 and etcd's integrity hash"));
        pull.disableProperty().bind(model.canPullProperty().not());
        pull.setOnAction(e -> model.pullSelected());
        Button restore = new Button("Restore from this...", new FontIcon(MaterialDesignR.RESTORE));
        restore.setId("backups-restore");
        restore.setTooltip(new Tooltip("Pull the selected backup if it is not here yet, then open the Restore wizard "
                + "on it (asks before anything changes)"));
        restore.disableProperty().bind(model.canPullProperty().not());
        restore.setOnAction(e -> model.restoreFromSelected(onRestore));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.runningProperty().or(model.readingProperty()).or(model.pullingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("backups-status");
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.setId("backups-error");
        error.getStyleClass().add("cluster-problem");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TableView<BackupRow> table = new TableView<>(model.rows());
        table.setId("backups-table");
        table.setPlaceholder(new Label("No backups on the members' hosts. Schedule them with Schedule... (or quorum "
                + "backup schedule -i INVENTORY --every 1h --keep 24), then Run now."));
        table.getColumns().add(column("Taken", BackupRow::time));
        table.getColumns().add(column("Host", BackupRow::host));
        table.getColumns().add(column("Revision", BackupRow::revision));
        table.getColumns().add(column("Size", BackupRow::size));
        table.getColumns().add(column("Verified", BackupRow::verified));
        table.getColumns().add(column("Location", BackupRow::location));
        ContentColumnResize.install(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(facts, new HBox(8, schedule, unschedule, run, refresh, pull, restore, progress,
                status), error, table);
    }

    private static Label fact(GridPane grid, int row, String name, String id, ReadOnlyStringProperty text) {
        Label value = new Label();
        value.setId(id);
        value.setWrapText(true);
        value.textProperty().bind(text);
        grid.addRow(row, new Label(name + ":"), value);
        return value;
    }

    /** As wide as its content; the whole text in a tooltip where the table is too narrow. */
    private static TableColumn<BackupRow, String> column(String title, Function<BackupRow, String> text) {
        TableColumn<BackupRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setCellFactory(FullTextCell.factory());
        return column;
    }
}
