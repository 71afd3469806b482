package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line gets the model of the command it names only, and every command when it names none. */
class QuorumCommandsTest {
    @Test
    void theNamedCommandAlone() {
        assertThat(QuorumCommand.commandsFor("status", "-i", "hosts.yaml")).containsExactly(StatusCommand.class);
        assertThat(QuorumCommand.commandsFor("snapshot", "save", "--help")).containsExactly(SnapshotCommand.class);
    }

    @Test
    void everyCommandWhenTheFirstWordNamesNone() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h", "status"},
                new String[] {"help", "status"}, new String[] {"stauts"}, new String[] {"--version"})) {
            assertThat(QuorumCommand.commandsFor(args)).as(String.join(" ", args)).isEqualTo(QuorumCommand.COMMANDS);
        }
    }

    /**
     * A parent's command list shows each subcommand's first description line alone, so it must say it whole; and
     * picocli wraps each description line (of a command or an option) on its own, so a line that stops mid-sentence
     * leaves a ragged help text: every line is a paragraph.
     */
    @Test
    void everyDescriptionLineIsAWholeParagraph() {
        CommandLine all = new CommandLine(new QuorumCommand());
        QuorumCommand.COMMANDS.forEach(all::addSubcommand);
        List<String> cut = new java.util.ArrayList<>();
        collectCutLines(all, cut);
        assertThat(cut).as("description lines that stop mid-sentence").isEmpty();
    }

    private static void collectCutLines(CommandLine command, List<String> cut) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            String name = sub.getCommandSpec().qualifiedName();
            String[] description = sub.getCommandSpec().usageMessage().description();
            if (description.length == 0) {
                cut.add(name + ": no description");
            }
            for (String line : description) {
                addIfCut(name, line, cut);
            }
            for (var option : sub.getCommandSpec().options()) {
                for (String line : option.description()) {
                    addIfCut(name + " " + option.longestName(), line, cut);
                }
            }
            collectCutLines(sub, cut);
        }
    }

    private static void addIfCut(String where, String line, List<String> cut) {
        if (!line.strip().matches("(?s).*[.)!?]$")) {
            cut.add(where + ": " + line.strip());
        }
    }

    @Test
    void everyCommandHasItsOwnName() {
        List<String> names = QuorumCommand.COMMANDS.stream().map(QuorumCommand::nameOf).toList();
        assertThat(names).doesNotHaveDuplicates().contains("install", "status", "help");
        CommandLine all = new CommandLine(new QuorumCommand());
        QuorumCommand.COMMANDS.forEach(all::addSubcommand);
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(names);
    }
}
