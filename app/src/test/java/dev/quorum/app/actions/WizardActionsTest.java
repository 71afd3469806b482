package dev.quorum.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.shell.MainWindow;
import dev.quorum.app.shell.ShellServices;
import dev.quorum.app.shell.TestWindows;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app's toolbar reaches the real wizards (found through ServiceLoader, as in the jar). */
class WizardActionsTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final TestWindows windows = new TestWindows();
    private FxTaskExecutor executor;

    @AfterEach
    void close() throws Exception {
        windows.close(executor);
    }

    @Test
    void theStandardServicesFindTheWizards() {
        ShellServices services = ShellServices.standard(executor = new FxTaskExecutor(1), new QuorumHome(home));
        assertThat(services.actions()).isInstanceOf(WizardActions.Factory.class);
    }

    @Test
    void installFromTheToolbarOpensTheInstallWizard() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor(2);
        FxToolkit.setupStage(stage -> {
            MainWindow window = windows.open(ShellServices.standard(executor, new QuorumHome(home)));
            stage.setScene(window.scene());
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#toolbar-install");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Install a cluster".equals(s.getTitle())));
    }
}
