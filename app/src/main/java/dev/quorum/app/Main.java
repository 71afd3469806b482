package dev.quorum.app;

import dev.quorum.app.cli.QuorumCommand;

/**
 * One launcher for both faces of Quorum. With a command it is the CLI; without one it will open
 * the desktop app (not built yet), so for now it prints the help.
 */
public final class Main {
    private Main() {
    }

    /** grpc logs through java.util.logging; its INFO lines are not for the user. */
    private static void quietJavaUtilLogging() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (var handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
    }

    public static void main(String[] args) {
        quietJavaUtilLogging();
        System.exit(QuorumCommand.run(args));
    }
}
