package dev.quorum.app;

import dev.quorum.app.cli.QuorumCommand;

/**
 * One launcher for both faces of Quorum. With a command it is the CLI; without one it will open
 * the desktop app (not built yet), so for now it prints the help.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(QuorumCommand.run(args));
    }
}
