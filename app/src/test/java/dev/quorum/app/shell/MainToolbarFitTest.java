package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every toolbar action stays on the toolbar at the window's smallest width: a ToolBar moves what does not fit into
 * its overflow menu, where the user does not see it (and the tests did not find Restore... and Maintain...).
 */
class MainToolbarFitTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final TestWindows windows = new TestWindows();
    private FxTaskExecutor executor;

    @AfterEach
    void close() throws Exception {
        windows.dispose();
        FxToolkit.cleanupStages();
        Fx.run(Theme.LIGHT::apply);
        if (executor != null) {
            executor.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyActionIsShownAtTheSmallestWidthOfTheWindow(Theme theme) throws Exception {
        executor = new FxTaskExecutor(1);
        FxToolkit.registerPrimaryStage();
        Fx.run(theme::apply); // the app always runs themed, and the theme's padding and fonts decide the width
        Stage stage = FxToolkit.setupStage(s -> {
            MainWindow window = windows.open(ShellServices.standard(executor, new QuorumHome(home)));
            s.setScene(window.scene());
            s.setWidth(MainWindow.MIN_WIDTH);
            s.setHeight(MainWindow.MIN_HEIGHT);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        ToolBar toolbar = robot.lookup("#main-toolbar").queryAs(ToolBar.class);
        double needed = Fx.get(() -> toolbar.prefWidth(-1));
        assertThat(needed).as("toolbar's preferred width at a %s px window, %s theme", Fx.get(stage::getWidth), theme)
                .isLessThanOrEqualTo(MainWindow.MIN_WIDTH);
        for (Node item : Fx.get(() -> java.util.List.copyOf(toolbar.getItems()))) {
            if (item.getId() != null) {
                assertThat(Fx.get(() -> item.getScene() != null && item.isVisible()))
                        .as("%s is on the toolbar, not in its overflow menu", item.getId()).isTrue();
            }
        }
    }
}
