package dev.quorum.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.Theme;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Columns take the width of their content; where the table is too narrow, long text wraps onto more lines; where a
 * row cannot grow (a fixed cell size), the cut text is whole in a tooltip. Themed as the app is.
 */
class FullTextCellTest {
    private static final String LONG = "term 2, index 123456, applied 123456 (the leader's term since 2026-12-04)";
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    record Row(String name, String raft) {
    }

    @BeforeAll
    static void boot() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(Theme.LIGHT::apply);
    }

    @AfterEach
    void close() {
        if (stage != null) {
            Fx.run(stage::hide);
        }
    }

    @Test
    void aWideTableShowsEveryCellWholeWithoutTooltips() {
        open(1400);

        for (FullTextCell<?> cell : cells()) {
            assertThat(Fx.get(cell::shownText)).as("shown whole at 1400 px").isEqualTo(cell.getText());
            assertThat(Fx.get(cell::getTooltip)).as("no tooltip for %s", cell.getText()).isNull();
        }
        TableColumn<?, ?> raft = Fx.get(() -> table().getColumns().get(1));
        assertThat(Fx.get(raft::getWidth)).as("the long column got the room its text needs")
                .isGreaterThan(Fx.get(() -> table().getColumns().get(0).getWidth()));
    }

    @Test
    void aNarrowTableWrapsTheLongTextOntoMoreLines() {
        open(260);

        FullTextCell<?> raft = cells().stream().filter(c -> LONG.equals(c.getText())).findFirst().orElseThrow();
        FullTextCell<?> name = cells().stream().filter(c -> "etcd1".equals(c.getText())).findFirst().orElseThrow();
        assertThat(Fx.get(raft::shownText)).as("whole, on more lines").isEqualTo(LONG);
        assertThat(Fx.get(raft::getHeight)).as("its row grew").isGreaterThan(2 * Fx.get(name::getFont).getSize());
        assertThat(Fx.get(raft::getTooltip)).as("nothing cut, no tooltip").isNull();
    }

    @Test
    void aCutCellHasItsWholeTextInATooltip() {
        open(260);
        Fx.run(() -> table().setFixedCellSize(24)); // rows that cannot grow: the text is cut
        WaitForAsyncUtils.waitForFxEvents();

        FullTextCell<?> cut = cells().stream().filter(c -> LONG.equals(c.getText())).findFirst().orElseThrow();
        assertThat(Fx.get(cut::shownText)).as("too narrow for the whole text").isNotEqualTo(LONG).endsWith("...");
        Tooltip tip = Fx.get(cut::getTooltip);
        assertThat(tip).as("tooltip on the cut cell").isNotNull();
        assertThat(Fx.get(tip::getText)).isEqualTo(LONG);
    }

    @Test
    void aDetailIsTheTooltipWhateverTheWidth() {
        open(1400, row -> "/var/lib/etcd/" + row.name());

        List<FullTextCell<?>> names = cells().stream().filter(c -> c.getText().startsWith("etcd")).toList();
        assertThat(names).hasSize(2);
        for (FullTextCell<?> cell : names) {
            assertThat(Fx.get(cell::shownText)).isEqualTo(cell.getText());
            assertThat(Fx.get(() -> cell.getTooltip().getText())).as("its own row's detail")
                    .isEqualTo("/var/lib/etcd/" + cell.getText());
        }
    }

    private void open(double width) {
        open(width, row -> "");
    }

    private void open(double width, java.util.function.Function<Row, String> detail) {
        Fx.run(() -> {
            TableView<Row> table = new TableView<>(FXCollections.observableArrayList(
                    new Row("etcd1", LONG), new Row("etcd2", "term 2")));
            table.setId("full-text-table");
            TableColumn<Row, String> name = new TableColumn<>("Member");
            name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
            name.setCellFactory(FullTextCell.factory(detail));
            TableColumn<Row, String> raft = new TableColumn<>("Raft");
            raft.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().raft()));
            raft.setCellFactory(FullTextCell.factory());
            table.getColumns().addAll(List.of(name, raft));
            ContentColumnResize.install(table);
            stage = new Stage();
            stage.setScene(new Scene(table, width, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Columns widen as the cells lay out; a few pulses settle them.
        Fx.await(Duration.ofSeconds(10), "both rows' cells laid out", () -> cellsNow().size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<Row> table() {
        return robot.lookup("#full-text-table").queryAs(TableView.class);
    }

    private List<FullTextCell<?>> cells() {
        return Fx.get(this::cellsNow);
    }

    private List<FullTextCell<?>> cellsNow() {
        return Optional.ofNullable(stage.getScene()).stream()
                .flatMap(scene -> scene.getRoot().lookupAll(".table-cell").stream())
                .filter(n -> n instanceof FullTextCell<?> c && c.getText() != null && !c.getText().isEmpty()
                        && c.isVisible())
                .<FullTextCell<?>>map(n -> (FullTextCell<?>) n).toList();
    }
}
