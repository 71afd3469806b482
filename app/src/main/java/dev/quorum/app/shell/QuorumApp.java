package dev.quorum.app.shell;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, light theme, opened on a cluster if one was given. */
public final class QuorumApp extends Application {
    private FxTaskExecutor executor;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(4);
        window = new MainWindow(ShellServices.standard(executor, QuorumHome.fromEnvironment()));
        stage.setTitle("Quorum");
        stage.setScene(window.scene());
        stage.setMinWidth(MainWindow.MIN_WIDTH);
        stage.setMinHeight(MainWindow.MIN_HEIGHT);
        stage.setOnHidden(e -> stop());
        stage.show();
        FirstFrameProbe.installIfAsked();
        options.inventory().ifPresent(inventory -> window.openInventory(inventory, options.knownHosts()));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
            window = null;
        }
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }
}
