package dev.quorum.app;

import dev.quorum.app.cli.IdleSelectors;
import dev.quorum.app.cli.QuorumCommand;
import dev.quorum.app.shell.DesktopLauncher;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * One launcher for both faces of Quorum: no arguments or {@code gui [-i INVENTORY]} opens the
 * desktop app; anything else is the CLI.
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
        boolean help = List.of(args).contains("--help") || List.of(args).contains("-h");
        if (args.length == 0 || args[0].equals("gui") && !help) {
            // JavaFX warns that it runs from the class path, which Quorum's launcher does on purpose.
            java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
            System.exit(desktop(List.of(args).subList(Math.min(1, args.length), args.length)));
        }
        int exit = QuorumCommand.run(args);
        IdleSelectors.end(); // else the JVM's exit waits 0.3 s on them (decision 0060)
        System.exit(exit);
    }

    /** The app, or (when it cannot open here) the reason and the CLI's usage on stderr, exit 1. */
    static int desktop(List<String> guiArgs) {
        Optional<String> problem = DesktopLauncher.problem(guiArgs);
        if (problem.isPresent()) {
            PrintWriter err = new PrintWriter(System.err, true);
            err.println("quorum: " + problem.get());
            err.println();
            QuorumCommand.run(err, err, "--help");
            err.flush();
            return 1;
        }
        DesktopLauncher.launch(guiArgs);
        return 0;
    }

}
