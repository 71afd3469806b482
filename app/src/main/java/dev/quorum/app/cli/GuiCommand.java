package dev.quorum.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quorum gui}: listed here so that {@code --help} shows it and {@code quorum gui --help}
 * explains its options. The launcher ({@code dev.quorum.app.Main}) opens the app itself, since
 * the command line must not know the GUI.
 */
@Command(name = "gui",
        description = {"Open the desktop app (also what `quorum` with no command does), on this cluster if -i is given.",
                "Needs a display: a desktop session, ssh -X, or xvfb-run."})
final class GuiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "Open this cluster's inventory.")
    Path inventory;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to check host keys against (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("quorum: the desktop app opens from the quorum launcher (./quorum gui), "
                + "not from this entry point");
        return ExitCodes.FAILED;
    }
}
