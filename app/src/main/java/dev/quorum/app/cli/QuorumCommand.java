package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "quorum",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // so that `quorum COMMAND --help` works too
        versionProvider = VersionProvider.class,
        description = {"Runs the whole life of an etcd cluster on Linux hosts over SSH.",
                "Reads Kubespray inventories and lays hosts out as Kubespray does."},
        footer = {"", "Exit status: 0 success, 1 failed (the reason is on stderr), 2 bad usage, 130 cancelled.",
                "Run logs: ~/.quorum/clusters/NAME/runs (or $QUORUM_HOME)."})
public final class QuorumCommand implements Runnable {
    /**
     * The commands, in the order the help lists them. Added when the command line is built, not named in the
     * annotation: picocli builds the model of every command it is given (a third of {@code quorum --version}'s CPU),
     * so a command line that starts with a command's name gets that command only (decision 0051).
     */
    static final List<Class<?>> COMMANDS = List.of(InstallCommand.class, StatusCommand.class, AddCommand.class,
            RemoveCommand.class, ReplaceCommand.class, DiagnoseCommand.class, RecoverCommand.class, SnapshotCommand.class,
            BackupCommand.class, RestoreCommand.class, CertsCommand.class, AdoptCommand.class, MaintainCommand.class,
            UpgradeCommand.class, ApiserversCommand.class, SandboxCommand.class, GuiCommand.class,
            CommandLine.HelpCommand.class);

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
        String[] reordered = SubcommandOptions.afterSubcommand(args);
        CommandLine commandLine = new CommandLine(new QuorumCommand());
        commandsFor(reordered).forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(reordered);
    }

    /**
     * The command the first word names, alone; every command when the first word names none (an option such as
     * {@code --help}, {@code help}, a typo picocli suggests a command for, or nothing), so that what picocli prints
     * and does is the same as with all of them.
     */
    static List<Class<?>> commandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class && nameOf(command).equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
