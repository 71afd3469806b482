package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.controls.FullTextCell;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * A 1280 px wide window with realistic long values (IPv6 endpoints, host names, nine-digit raft indexes): every
 * Members cell shows its whole text, and no address breaks in the middle (host and endpoint keep one line).
 */
@Timeout(60)
class MembersTableWideValuesTest {
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
    void at1280PxEveryMemberCellIsWholeAndNoAddressBreaks() throws Exception {
        open(1280, 800);

        List<FullTextCell<?>> cells = cellsNow();
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

    /** Three healthy members at IPv6 endpoints, a raft index in the hundred millions, 21 MiB of data. */
    static ClusterStatus wide() {
        List<MemberStatus> members = new ArrayList<>();
        List<MemberInfo> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "etcd" + (i + 1);
            String url = "https://[2001:db8::1" + i + "]:2379";
            list.add(new MemberInfo(0x1000L + i, name, List.of(), List.of(url), false));
            EndpointStatus s = new EndpointStatus(url, 0x1000L + i, "3.5.16", 0x1000L, 12, 123_456_789L - i,
                    123_456_789L - i, 21_495_808L, 12_700_000L, false, List.of());
            members.add(new MemberStatus("node" + (i + 1) + ".example.internal", name, url, Optional.of(s), ""));
        }
        return new ClusterStatus(members, list, List.of(), true, "");
    }

    private void open(double width, double height) throws Exception {
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
                            return wide();
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

    private List<FullTextCell<?>> cellsNow() {
        return Fx.get(() -> robot.lookup("#members-table").tryQuery().stream()
                .flatMap(table -> table.lookupAll(".table-cell").stream())
                .filter(n -> n instanceof FullTextCell<?> c && c.getText() != null && !c.getText().isEmpty()
                        && c.isVisible() && c.getTableRow() != null && c.getTableRow().getItem() != null)
                .<FullTextCell<?>>map(n -> (FullTextCell<?>) n).toList());
    }
}
