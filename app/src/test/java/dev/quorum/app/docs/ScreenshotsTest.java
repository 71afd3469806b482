package dev.quorum.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.MainWindow;
import dev.quorum.app.shell.RecordingShellActions;
import dev.quorum.app.shell.ShellServices;
import dev.quorum.app.shell.Theme;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.Runner;
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
import javafx.scene.image.WritableImage;
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
 * Renders the documentation's screenshots into docs/images/ (headless, software rendering):
 * the welcome screen, the main window on the local sandbox, its Tasks tab, and the dark theme.
 * Run: mvn -B -pl app -am verify -Pscreenshots -Dtest='ScreenshotsTest,RecoverScreenshotTest'
 *     -Dsurefire.failIfNoSpecifiedTests=false (RecoverScreenshotTest renders the recover wizard)
 */
@Tag("screenshots")
@Timeout(180)
class ScreenshotsTest {
    @TempDir
    static Path home;
    static FxTaskExecutor executor;

    @AfterAll
    static void stopTheSandbox() throws Exception {
        FxToolkit.cleanupStages();
        if (executor != null) {
            executor.shutdown();
        }
        new Runner(e -> { }, 3, new Cancellation()).run(new Sandbox(new QuorumHome(home), Optional.empty()).stopPlan(),
                RunMode.APPLY);
    }

    private static Path images() {
        return Path.of(System.getProperty("quorum.docs", "../docs")).resolve("images");
    }

    private static void shoot(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Fx.sleep(300); // a couple of pulses, so layout and CSS have settled
        WritableImage image = Fx.get(() -> scene.snapshot(null));
        Path file = images().resolve(name);
        Png.write(image, file);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void rendersTheScreens() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "no etcd binary (apt-get install etcd-server)");
        Stage stage = FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor(3);
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            Theme.LIGHT.apply();
            window[0] = new MainWindow(ShellServices.standard(executor, new QuorumHome(home))
                    .withActions(c -> new RecordingShellActions()));
            s.setScene(window[0].scene());
            s.setWidth(1200);
            s.setHeight(780);
            s.show();
        });
        Scene scene = Fx.get(stage::getScene);
        shoot(scene, "welcome.png");

        FxRobot robot = new FxRobot();
        robot.clickOn("#local-sandbox");
        Fx.await(Duration.ofSeconds(90), "the sandbox healthy", () -> robot.lookup("#status-sentence")
                .queryAs(Label.class).getText().startsWith("3/3 healthy"));
        Node leader = robot.lookup(".member-node.state-leader").query();
        robot.clickOn(leader);
        Fx.await(Duration.ofSeconds(5), "details shown", () -> !robot.lookup("#detail-version").queryAs(Label.class)
                .getText().isEmpty());
        shoot(scene, "main-window-sandbox.png");

        robot.clickOn("#tasks-tab");
        Fx.await(Duration.ofSeconds(10), "the run log", () -> robot.lookup(".log-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().anyMatch(c -> c.getText() != null && c.getText().contains("run succeeded")));
        shoot(scene, "tasks-tab.png");

        Fx.run(() -> ((TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(0));
        Fx.run(Theme.DARK::apply);
        shoot(scene, "main-window-dark.png");
        Fx.run(Theme.LIGHT::apply);
        Fx.run(window[0]::dispose);
    }
}
