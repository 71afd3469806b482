package dev.quorum.app.maintenance;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import dev.quorum.core.lifecycle.maintenance.Bytes;
import dev.quorum.core.lifecycle.maintenance.MemberSpace;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The members' database sizes, in-use sizes and alarms, and what to do about them. */
final class ChoicePage extends LazyViewPage {
    private final MaintenanceChoices choices;

    ChoicePage(MaintenanceChoices choices) {
        super("Space and task", Bindings.createBooleanBinding(() -> choices.reason().get().isEmpty(), choices.reason()));
        this.choices = choices;
    }

    @Override
    public void shown() {
        choices.refresh();
    }

    @Override
    protected Node build() {
        Label status = new Label();
        status.setId("spaceStatus");
        status.setWrapText(true);
        status.textProperty().bind(choices.space().statusProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("refreshSpace");
        refresh.setOnAction(e -> choices.refresh());
        return Fields.page(Fields.heading("Each member's database"), status, table(), refresh,
                Fields.heading("What to do"), tasks(), settings(),
                Fields.reason("maintenanceReason", choices.reason()),
                Fields.note("Over its quota a member raises NOSPACE: only reads and deletes work. etcd's cure: delete "
                        + "what filled it, compact, defragment every member, disarm. A CORRUPT alarm is never "
                        + "disarmed: that member is re-seeded (Diagnose / Recover)."));
    }

    private TableView<MemberSpace> table() {
        TableView<MemberSpace> table = new TableView<>(choices.space().members());
        table.setId("spaceTable");
        table.setPrefHeight(150);
        table.getColumns().add(column("Member", MemberSpace::memberName));
        table.getColumns().add(column("Host", MemberSpace::hostName));
        table.getColumns().add(column("Role", m -> !m.reachable() ? "no answer" : m.leader() ? "leader" : "follower"));
        table.getColumns().add(column("DB size", m -> m.reachable() ? Bytes.human(m.dbSize()) : ""));
        table.getColumns().add(column("In use", m -> m.reachable() ? Bytes.human(m.dbSizeInUse()) : ""));
        table.getColumns().add(column("Reclaimable", m -> m.reachable() ? Bytes.human(m.reclaimable()) : ""));
        table.getColumns().add(column("Quota", m -> Bytes.human(m.quotaBytes())));
        table.getColumns().add(column("Alarms", m -> m.alarms().isEmpty() ? "none"
                : m.alarms().stream().map(Enum::name).collect(Collectors.joining(", "))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<MemberSpace, String> column(String title, Function<MemberSpace, String> value) {
        TableColumn<MemberSpace, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private VBox tasks() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        for (MaintenanceTask task : MaintenanceTask.values()) {
            RadioButton button = new RadioButton(task.label());
            button.setId("task-" + task.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(task);
            button.setToggleGroup(group);
            button.setSelected(task == choices.taskProperty().get());
            box.getChildren().addAll(button, Fields.note(task.description()));
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                choices.taskProperty().set(now == null ? null : (MaintenanceTask) now.getUserData()));
        return box;
    }

    private GridPane settings() {
        TextField keep = new TextField();
        keep.setId("keepRevisions");
        keep.setPrefColumnCount(8);
        keep.textProperty().bindBidirectional(choices.keepRevisionsProperty());
        keep.disableProperty().bind(choices.taskProperty().isEqualTo(MaintenanceTask.DEFRAG));
        TextField reclaim = new TextField();
        reclaim.setId("minReclaim");
        reclaim.setPrefColumnCount(8);
        reclaim.textProperty().bindBidirectional(choices.minReclaimMibProperty());
        reclaim.disableProperty().bind(choices.taskProperty().isEqualTo(MaintenanceTask.COMPACT));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Revisions to keep"), keep, Fields.note("--keep-revisions"));
        grid.addRow(1, new Label("Defragment members with at least (MiB free)"), reclaim, Fields.note("--min-reclaim"));
        return grid;
    }
}
