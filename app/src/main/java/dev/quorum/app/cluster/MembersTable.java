package dev.quorum.app.cluster;

import dev.quorum.app.controls.ContentColumnResize;
import dev.quorum.app.controls.FullTextCell;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The members as a table (the same facts as the details), with Replace... and Remove... on each row's context menu.
 * Columns take the width of their content; a cell cut short has its whole text in a tooltip.
 */
public final class MembersTable extends TableView<MemberViewModel> {

    public MembersTable(ClusterViewModel model, MemberActions actions) {
        super(model.members());
        setId("members-table");
        getStyleClass().add("members-table");
        getColumns().add(column("Member", m -> new javafx.beans.property.SimpleStringProperty(m.name())));
        getColumns().add(column("State", m -> m.stateProperty().map(MemberState::words)));
        getColumns().add(column("Host", MemberViewModel::hostProperty));
        getColumns().add(column("Endpoint", MemberViewModel::endpointProperty));
        getColumns().add(column("Version", MemberViewModel::versionProperty));
        getColumns().add(column("Raft", MemberViewModel::raftProperty));
        getColumns().add(column("Lag", MemberViewModel::lagProperty));
        getColumns().add(column("DB size", MemberViewModel::dbSizeProperty));
        getColumns().add(column("Alarms", MemberViewModel::alarmsProperty));
        ContentColumnResize.install(this);
        setRowFactory(table -> row(actions));
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != getSelectionModel().getSelectedItem()) {
                getSelectionModel().select(now);
            }
        });
    }

    private static TableColumn<MemberViewModel, String> column(String title,
            Function<MemberViewModel, ObservableValue<String>> value) {
        TableColumn<MemberViewModel, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setCellFactory(FullTextCell.factory());
        return column;
    }

    private static TableRow<MemberViewModel> row(MemberActions actions) {
        TableRow<MemberViewModel> row = new TableRow<>();
        MenuItem replace = new MenuItem("Replace...", new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        replace.setId("replace-member");
        replace.setOnAction(e -> {
            if (row.getItem() != null) {
                actions.replace().accept(row.getItem().name());
            }
        });
        MenuItem remove = new MenuItem("Remove...", new FontIcon(MaterialDesignS.SERVER_MINUS));
        remove.setId("remove-member");
        remove.setOnAction(e -> {
            if (row.getItem() != null) {
                actions.remove().accept(row.getItem().name());
            }
        });
        ContextMenu menu = new ContextMenu(replace, remove);
        row.contextMenuProperty().bind(row.emptyProperty().map(empty -> empty ? null : menu));
        return row;
    }
}
