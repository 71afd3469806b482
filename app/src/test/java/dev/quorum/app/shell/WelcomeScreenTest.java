package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The app as launched, and the welcome screen's buttons reaching the wizards' seam. */
class WelcomeScreenTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final TestWindows windows = new TestWindows();
    private FxTaskExecutor executor;
    private QuorumApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app); // QuorumApp.stop: disposes its window, shuts its executor down
        }
        windows.close(executor);
        System.clearProperty(QuorumHome.PROPERTY);
    }

    @Test
    void theAppOpensOnTheWelcomeScreenWithATitleAndMinimumSize() throws Exception {
        System.setProperty(QuorumHome.PROPERTY, home.toString());
        Stage primary = FxToolkit.registerPrimaryStage();
        app = (QuorumApp) FxToolkit.setupApplication(QuorumApp.class);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Fx.get(primary::getTitle)).contains("Quorum");
        assertThat(Fx.get(primary::getMinWidth)).isGreaterThanOrEqualTo(MainWindow.MIN_WIDTH);
        assertThat(robot.lookup("#open-inventory").queryAs(Button.class).getText()).contains("inventory");
        assertThat(robot.lookup("#create-cluster").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#local-sandbox").queryButton().getText()).isEqualTo("Local sandbox");
        assertThat(robot.lookup("#toolbar-add").queryButton().isDisabled()).as("no cluster yet").isTrue();
        assertThat(robot.lookup("#toolbar-recover").queryButton().isDisabled()).as("no cluster yet").isTrue();
        assertThat(robot.lookup("#toolbar-recover").queryButton().getTooltip().getText()).contains("every host");
        assertThat(robot.lookup("#toolbar-maintain").queryButton().isDisabled()).as("no cluster yet").isTrue();
        assertThat(robot.lookup("#toolbar-maintain").queryButton().getTooltip().getText()).contains("defragment");
        assertThat(robot.lookup("#toolbar-upgrade").queryButton().isDisabled()).as("no cluster yet").isTrue();
        assertThat(robot.lookup("#toolbar-upgrade").queryButton().getTooltip().getText()).contains("etcd_version");
    }

    @Test
    void createAndInstallCallTheInstallWizard() throws Exception {
        RecordingShellActions actions = new RecordingShellActions();
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor(2);
        FxToolkit.setupStage(stage -> {
            MainWindow window = windows.open(ShellServices.standard(executor, new QuorumHome(home))
                    .withActions(context -> actions));
            stage.setScene(window.scene());
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#create-cluster");
        robot.clickOn("#toolbar-install");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> actions.calls.size() == 2);

        assertThat(actions.calls).containsExactly("install", "install");
    }
}
