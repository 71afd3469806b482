package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.cluster.Statuses;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.controls.FullTextCell;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The issue's 1600 px screen showed "term 2,...", "up to ..." and "20 KiB of ..." in the Members table: there, every
 * cell is whole now on one line; at the window's smallest width too, the long ones on more lines; at 1280 px with
 * realistic long values (IPv6 endpoints, host names, nine-digit raft indexes) every cell is whole and no address
 * breaks; the member's details wrap instead of cutting. Its own stage, themed as the app is.
 */
@Timeout(60)
class MembersTableFitTest {
    @TempDir
    Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private final FxRobot robot = new FxRobot();
    private final TestWindows windows = new TestWindows();
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void boot() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(Theme.LIGHT::apply);
    }

    @AfterEach
    void close() {
        windows.dispose();
        if (stage != null) {
            Fx.run(stage::hide);
        }
        executor.shutdown();
    }

    @Test
    void atTheIssuesScreenWidthEveryMemberCellIsWhole() throws Exception {
        open(1600, 1000);

        for (FullTextCell<?> cell : cells()) {
            assertThat(Fx.get(cell::shownText)).as("at 1600 px").isEqualTo(cell.getText());
        }
        assertThat(cells()).extracting(FullTextCell::getText).anyMatch(t -> t.startsWith("term 7, index"))
                .anyMatch(t -> t.equals("up to date") || t.endsWith("behind"))
                .anyMatch(t -> t.contains(" of 2.0 GiB quota"));
    }

    @Test
    void atTheSmallestWidthEveryMemberCellIsWholeOnMoreLines() throws Exception {
        open(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);

        for (FullTextCell<?> cell : cells()) {
            assertThat(Fx.get(cell::shownText)).as("at %s px", MainWindow.MIN_WIDTH).isEqualTo(cell.getText());
            assertThat(Fx.get(cell::getTooltip)).as("nothing cut, no tooltip on %s", cell.getText()).isNull();
        }
    }

    @Test
    void at1280PxEveryMemberCellIsWholeAndNoAddressBreaks() throws Exception {
        open(1280, 800, Statuses.wide());

        List<FullTextCell<?>> cells = Fx.get(this::cellsNow);
        assertThat(cells).as("nine cells in each of three rows").hasSize(27);
        assertThat(cells).extracting(FullTextCell::getText).contains("https://[2001:db8::10]:2379",
                "term 12, index 123456789 (applied 123456789)", "21 MiB of 2.0 GiB quota (12 MiB in use)");
        for (FullTextCell<?> cell : cells) {
            assertThat(Fx.get(cell::shownText)).as("shown whole").isEqualTo(cell.getText());
            assertThat(Fx.get(cell::getTooltip)).as("nothing cut, no tooltip on %s", cell.getText()).isNull();
            if (cell.getText().startsWith("https://") || cell.getText().endsWith(".example.internal")) {
                assertThat(Fx.get(() -> cell.getTableColumn().getWidth())).as("room for %s on one line",
                        cell.getText()).isGreaterThanOrEqualTo(Fx.get(() -> oneLine(cell)));
            }
        }
    }

    /** The width {@code cell}'s text takes on one line in the cell's font, with the cell's padding. */
    private static double oneLine(FullTextCell<?> cell) {
        Text text = new Text(cell.getText());
        text.setFont(cell.getFont());
        return text.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset();
    }

    @Test
    void theSelectedMembersDetailsWrapRatherThanCut() throws Exception {
        open(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        Fx.run(() -> window.workspace().orElseThrow().model().select(
                window.workspace().orElseThrow().model().members().get(1)));
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("#detail-raft", "#detail-lag-behind-leader", "#detail-db-size", "#detail-endpoint")) {
            Label detail = robot.lookup(id).queryAs(Label.class);
            assertThat(Fx.get(detail::getText)).as(id).isNotEmpty();
            assertThat(Fx.get(() -> drawn(detail))).as("what %s draws", id).isEqualTo(Fx.get(detail::getText));
        }
    }

    private void open(double width, double height) throws Exception {
        open(width, height, Statuses.of(123_456, "leader", "follower", "follower"));
    }

    private void open(double width, double height, ClusterStatus status) throws Exception {
        Path inventory = dir.resolve("inv").resolve("hosts.yaml");
        Files.createDirectories(inventory.getParent());
        Files.writeString(inventory, "all:\n  hosts:\n    n1: {ip: 10.0.0.1}\n    n2: {ip: 10.0.0.2}\n"
                + "    n3: {ip: 10.0.0.3}\n  children:\n    etcd:\n      hosts: {n1: {}, n2: {}, n3: {}}\n"
                + "  vars:\n    cluster_name: wide\n");
        stage = Fx.get(() -> {
            window = windows.open(ShellServices.standard(executor, new QuorumHome(dir.resolve("home")))
                    .withActions(c -> new RecordingShellActions())
                    .withStatusSources((ClusterSource s) -> new StatusSource() {
                        @Override
                        public ClusterStatus read() {
                            return status;
                        }

                        @Override
                        public void close() {
                        }
                    }));
            Stage s = new Stage();
            s.setScene(window.scene());
            s.setWidth(width);
            s.setHeight(height);
            s.show();
            return s;
        });
        Fx.run(() -> window.openInventory(inventory));
        Fx.await(Duration.ofSeconds(20), "the members' raft shown", () -> robot.lookup("#members-table").tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == 3).orElse(false) && cellsNow().stream()
                .anyMatch(c -> c.getText().startsWith("term")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<FullTextCell<?>> cells() {
        List<FullTextCell<?>> cells = Fx.get(this::cellsNow);
        assertThat(cells).as("cells with text in the Members table").hasSizeGreaterThanOrEqualTo(27);
        return cells;
    }

    private List<FullTextCell<?>> cellsNow() {
        return robot.lookup("#members-table").tryQuery().stream()
                .flatMap(table -> table.lookupAll(".table-cell").stream())
                .filter(n -> n instanceof FullTextCell<?> c && c.getText() != null && !c.getText().isEmpty()
                        && c.isVisible() && c.getTableRow() != null && c.getTableRow().getItem() != null)
                .<FullTextCell<?>>map(n -> (FullTextCell<?>) n).toList();
    }

    private static String drawn(Label label) {
        for (Node child : label.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child != label.getGraphic()) {
                return text.getText();
            }
        }
        return "(no text drawn)";
    }
}
