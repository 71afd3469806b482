package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.Statuses;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.snapshots.FakeSnapshots;
import dev.quorum.app.snapshots.SnapshotRow;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Snapshots tab lists the store's files; both "Restore..." buttons reach the shell's actions (not a wizard). */
@Timeout(60)
class SnapshotsTabTest {
    @TempDir
    Path dir;
    final FxTaskExecutor executor = new FxTaskExecutor(2);
    final RecordingShellActions actions = new RecordingShellActions();
    final FxRobot robot = new FxRobot();
    final TestWindows windows = new TestWindows();
    MainWindow window;

    @AfterEach
    void close() throws Exception {
        windows.close(executor);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheStoreAndAsksTheActionsToRestore() throws Exception {
        Path inventory = dir.resolve("inv").resolve("hosts.yaml");
        Files.createDirectories(inventory.getParent());
        Files.writeString(inventory, "all:\n  hosts:\n    n1: {ip: 10.0.0.1}\n  children:\n    etcd:\n      hosts: {n1: {}}\n"
                + "  vars:\n    cluster_name: tabbed\n");
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        FakeSnapshots.write(home.snapshots("tabbed").resolve("old.db"), Instant.parse("2026-01-01T00:00:00Z"), "manual", 3, 1);
        FakeSnapshots.write(home.snapshots("tabbed").resolve("new.db"), Instant.parse("2026-02-01T00:00:00Z"), "before-add", 9, 4);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = windows.open(ShellServices.standard(executor, home).withActions(c -> actions)
                    .withStatusSources((ClusterSource s) -> new dev.quorum.app.cluster.StatusSource() {
                        @Override
                        public ClusterStatus read() {
                            return Statuses.of(10, "leader");
                        }

                        @Override
                        public void close() {
                        }
                    }));
            stage.setScene(window.scene());
            stage.show();
        });
        assertThat(robot.lookup("#toolbar-restore").queryButton().isDisabled()).as("no cluster yet").isTrue();
        assertThat(robot.lookup("#toolbar-snapshot").queryButton().isDisabled()).isTrue();
        Fx.run(() -> window.openInventory(inventory));
        Fx.await(Duration.ofSeconds(20), "both snapshots listed", () -> robot.lookup("#snapshots-table").tryQuery()
                .map(t -> ((TableView<SnapshotRow>) t).getItems().size() == 2).orElse(false));
        Fx.run(() -> {
            var tabs = window.workspace().orElseThrow().tabs();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "snapshots-tab".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SnapshotRow> table = robot.lookup("#snapshots-table").queryAs(TableView.class);
        assertThat(Fx.get(() -> table.getItems().stream().map(r -> r.file().getFileName().toString()).toList()))
                .containsExactly("new.db", "old.db");
        assertThat(robot.lookup("#snapshot-restore").queryButton().isDisabled()).as("nothing selected").isTrue();

        robot.clickOn("#toolbar-restore");
        Fx.run(() -> table.getSelectionModel().select(1));
        robot.clickOn("#snapshot-restore");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(actions.calls).containsExactly("restore tabbed", "restore tabbed old.db");
    }
}
