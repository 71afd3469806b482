package dev.quorum.app.snapshots;

import dev.quorum.app.controls.ContentColumnResize;
import dev.quorum.app.controls.FullTextCell;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import dev.quorum.app.cluster.ActionAvailability;
import dev.quorum.app.cluster.ClusterAction;
import dev.quorum.app.controls.RefusalTip;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Snapshots tab: the table of files, and Snapshot now / Verify / Restore... for the selected one. */
public final class SnapshotsView extends VBox {

    public SnapshotsView(SnapshotsViewModel model, ZoneId zone, Consumer<Path> onRestore) {
        this(model, zone, onRestore, new ActionAvailability());
    }

    /** @param available whether the shown cluster allows a restore (the events cluster does not yet, decision 0044) */
    public SnapshotsView(SnapshotsViewModel model, ZoneId zone, Consumer<Path> onRestore,
                         ActionAvailability available) {
        setId("snapshots-view");
        setSpacing(8);
        setPadding(new Insets(8));
        TableView<SnapshotRow> table = new TableView<>(model.rows());
        table.setId("snapshots-table");
        table.setPlaceholder(new Label("No snapshots of this cluster yet on this workstation (" + model.dir()
                + "). Take one with \"Snapshot now\"."));
        table.getColumns().add(column("Taken", r -> r.time(zone)));
        table.getColumns().add(column("Reason", r -> r.info().reason()));
        table.getColumns().add(column("Size", SnapshotRow::size));
        table.getColumns().add(column("Revision", SnapshotRow::revision));
        table.getColumns().add(column("Keys", SnapshotRow::keys));
        table.getColumns().add(column("Members", SnapshotRow::members));
        TableColumn<SnapshotRow, String> integrity = column("Integrity", SnapshotRow::integrityText);
        integrity.setPrefWidth(110); // icon and word; the detail is in its own tooltip
        integrity.setCellFactory(c -> new IntegrityCell());
        table.getColumns().add(integrity);
        TableColumn<SnapshotRow, String> file = column("File", r -> r.file().getFileName().toString());
        file.setCellFactory(FullTextCell.factory(r -> r.file().toString()));
        table.getColumns().add(file);
        ContentColumnResize.install(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != model.selectedProperty().get()) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button save = new Button("Snapshot now", new FontIcon(MaterialDesignC.CAMERA_OUTLINE));
        save.setId("snapshot-now");
        save.setTooltip(new Tooltip("Stream a snapshot from a healthy member to this workstation (quorum snapshot save)"));
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(e -> model.saveNow());
        Button verify = new Button("Verify", new FontIcon(MaterialDesignC.CHECK_DECAGRAM));
        verify.setId("snapshot-verify");
        verify.setTooltip(new Tooltip("Check the selected file's integrity hash again (quorum snapshot verify)"));
        verify.disableProperty().bind(model.selectedProperty().isNull());
        verify.setOnAction(e -> model.verifySelected());
        Button restore = new Button("Restore...", new FontIcon(MaterialDesignR.RESTORE));
        restore.setId("snapshot-restore");
        Node restoreButton = RefusalTip.wrap(restore, available.tooltip(ClusterAction.RESTORE,
                "Disaster recovery from the selected snapshot (asks before anything changes)"),
                model.selectedProperty().isNull().or(available.refused(ClusterAction.RESTORE)));
        restore.setOnAction(e -> onRestore.accept(model.selectedProperty().get().file()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("snapshot-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.savingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("snapshots-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, save, verify, restoreButton, progress, status);
        Label error = new Label();
        error.setId("snapshots-error");
        error.getStyleClass().add("cluster-problem");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(bar, error, table);
    }

    /** As wide as its content; the whole text in a tooltip where the table is too narrow. */
    private static TableColumn<SnapshotRow, String> column(String title, Function<SnapshotRow, String> text) {
        TableColumn<SnapshotRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setCellFactory(FullTextCell.factory());
        return column;
    }

    /** Icon and words, so the state does not rest on colour alone. */
    private static final class IntegrityCell extends TableCell<SnapshotRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            SnapshotRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(text);
            setGraphic(new FontIcon(switch (row.integrity()) {
                case VERIFIED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                case RAW -> MaterialDesignD.DATABASE_OUTLINE;
                case DAMAGED -> MaterialDesignA.ALERT_OCTAGON_OUTLINE;
                case CHECKING -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
            }));
            setTooltip(new Tooltip(row.detail()));
        }
    }
}
