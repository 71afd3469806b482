package dev.quorum.app.shell;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window (where it was last time, else filling the screen), light theme, opened
 * on a cluster if one was given.
 */
public final class QuorumApp extends Application {
    private FxTaskExecutor executor;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(4);
        QuorumHome home = QuorumHome.fromEnvironment();
        window = new MainWindow(ShellServices.standard(executor, home));
        stage.setTitle("Quorum");
        stage.setScene(window.scene());
        stage.setMinWidth(MainWindow.MIN_WIDTH);
        stage.setMinHeight(MainWindow.MIN_HEIGHT);
        RememberedWindow.place(stage, home);
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
