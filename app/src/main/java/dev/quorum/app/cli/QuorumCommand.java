package dev.quorum.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "quorum",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // so that `quorum COMMAND --help` works too
        versionProvider = VersionProvider.class,
        description = {"Runs the whole life of an etcd cluster on Linux hosts over SSH.",
                "Reads Kubespray inventories and lays hosts out as Kubespray does."},
        subcommands = {InstallCommand.class, StatusCommand.class, AddCommand.class, RemoveCommand.class,
                ReplaceCommand.class, DiagnoseCommand.class, RecoverCommand.class, SnapshotCommand.class,
                BackupCommand.class, RestoreCommand.class, CertsCommand.class, AdoptCommand.class, MaintainCommand.class,
                UpgradeCommand.class, ApiserversCommand.class, SandboxCommand.class, GuiCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 failed (the reason is on stderr), 2 bad usage, 130 cancelled.",
                "Run logs: ~/.quorum/clusters/NAME/runs (or $QUORUM_HOME)."})
public final class QuorumCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // Main opens the desktop app when there is no command; reaching here (e.g. from a test), show the CLI.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new QuorumCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(SubcommandOptions.afterSubcommand(args));
    }
}
