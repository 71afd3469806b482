package dev.quorum.app.shell;

import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the desktop app. Main calls this instead of extending {@link Application}: with JavaFX
 * as plain jars on the class path, Java 17 refuses a main class that extends Application.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Why the app cannot start with these arguments here (bad options, no display), if it cannot. */
    public static Optional<String> problem(List<String> args) {
        LaunchOptions options = LaunchOptions.parse(args);
        if (options.error().isPresent()) {
            return options.error();
        }
        return DisplayCheck.problem(System.getenv(), System.getProperty("glass.platform"));
    }

    /** Opens the window and returns when the app quits. */
    public static void launch(List<String> args) {
        Application.launch(QuorumApp.class, args.toArray(String[]::new));
    }
}
