package dev.quorum.app.docs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.restore.RestoreWizard;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.MainWindow;
import dev.quorum.app.shell.RecordingShellActions;
import dev.quorum.app.shell.ShellServices;
import dev.quorum.app.shell.TestWindows;
import dev.quorum.app.shell.Theme;
import dev.quorum.app.snapshots.SnapshotRow;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.sandbox.Sandbox;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the documentation's screenshots of the local sandbox into docs/images/ (headless,
 * software rendering): the welcome screen, the main window, its Tasks tab, the dark theme, the
 * Snapshots tab after Snapshot now, and the restore wizard's source and confirmation pages.
 * Run every screenshot test (this one, the lab's and the recover wizard's) with
 * {@code mvn -B -pl app -am verify -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(180)
class ScreenshotsTest {
    @TempDir
    static Path home;
    static final TestWindows windows = new TestWindows();
    static FxTaskExecutor executor;

    @AfterAll
    static void stopTheSandbox() throws Exception {
        windows.close(executor);
        new Runner(e -> { }, 3, new Cancellation()).run(new Sandbox(new QuorumHome(home.resolve(".quorum")), Optional.empty()).stopPlan(),
                RunMode.APPLY);
    }

    @Test
    void rendersTheScreens() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "no etcd binary (apt-get install etcd-server)");
        Stage stage = FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor(3);
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            Theme.LIGHT.apply();
            window[0] = windows.open(ShellServices.standard(executor, new QuorumHome(home.resolve(".quorum")))
                    .withActions(c -> new RecordingShellActions()));
            s.setScene(window[0].scene());
            s.setWidth(1280);
            s.setHeight(780);
            s.show();
        });
        Scene scene = Fx.get(stage::getScene);
        Screenshot.of(scene, "welcome.png");

        FxRobot robot = new FxRobot();
        robot.clickOn("#local-sandbox");
        Fx.await(Duration.ofSeconds(90), "the sandbox healthy", () -> robot.lookup("#status-sentence")
                .queryAs(Label.class).getText().startsWith("3/3 healthy"));
        Node leader = robot.lookup(".member-node.state-leader").query();
        robot.clickOn(leader);
        Fx.await(Duration.ofSeconds(5), "details shown", () -> !robot.lookup("#detail-version").queryAs(Label.class)
                .getText().isEmpty());
        Screenshot.of(scene, "main-window-sandbox.png");

        robot.clickOn("#tasks-tab");
        Fx.await(Duration.ofSeconds(10), "the run log", () -> robot.lookup(".log-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().anyMatch(c -> c.getText() != null && c.getText().contains("run succeeded")));
        Screenshot.of(scene, "tasks-tab.png");

        Fx.run(() -> ((TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(0));
        Fx.run(Theme.DARK::apply);
        Screenshot.of(scene, "main-window-dark.png");
        Fx.run(Theme.LIGHT::apply);

        Path snapshot = snapshotNow(robot);
        // Eight columns: the window as wide as a laptop screen, so none of them reads "...".
        Fx.run(() -> stage.setWidth(1440));
        Screenshot.of(scene, "snapshots-tab.png");
        Fx.run(() -> stage.setWidth(1280));
        restoreWizard(snapshot);
    }

    /** Snapshot now from the toolbar: the Snapshots tab comes up and lists the new file. */
    @SuppressWarnings("unchecked")
    private static Path snapshotNow(FxRobot robot) {
        robot.clickOn("#toolbar-snapshot");
        Fx.await(Duration.ofSeconds(60), "the snapshot saved and listed", () -> robot.lookup("#snapshots-table")
                .tryQuery().map(t -> !((TableView<SnapshotRow>) t).getItems().isEmpty()).orElse(false)
                && robot.lookup("#snapshots-status").queryAs(Label.class).getText().startsWith("Saved "));
        TableView<SnapshotRow> table = robot.lookup("#snapshots-table").queryAs(TableView.class);
        Fx.run(() -> table.getSelectionModel().select(0));
        return Fx.get(() -> table.getItems().get(0).file());
    }

    /** The restore wizard on that snapshot: its source page and the typed confirmation (nothing runs). */
    private static void restoreWizard(Path snapshot) throws Exception {
        WizardServices services = new WizardServices(executor, new QuorumHome(home.resolve(".quorum")), SshOptions.defaults(), e -> { });
        Path inventory = new Sandbox(new QuorumHome(home.resolve(".quorum")), Optional.empty()).inventoryFile();
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(RestoreWizard.open(null, services, inventory, Optional.of(snapshot))));
        try {
            ui.waitUntil("the snapshot checked", Duration.ofSeconds(30), () -> ui.enabled("#next"),
                    () -> ui.text("#sourceReason"));
            Screenshot.of(ui.stage(), "restore-source.png");
            ui.next(Duration.ofSeconds(10));
            ui.next(Duration.ofSeconds(10));
            ui.type("#confirmation", "sandbox");
            ui.waitUntil("confirmed", Duration.ofSeconds(10), () -> ui.enabled("#next"), () -> ui.text("#confirmReason"));
            Screenshot.of(ui.stage(), "restore-confirm.png");
        } finally {
            ui.close();
        }
    }
}
