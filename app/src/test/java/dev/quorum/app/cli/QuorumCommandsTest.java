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

    /** A parent's command list shows each subcommand's first description line alone, so it must say it whole. */
    @Test
    void everyCommandsFirstDescriptionLineIsAWholeSentence() {
        CommandLine all = new CommandLine(new QuorumCommand());
        QuorumCommand.COMMANDS.forEach(all::addSubcommand);
        List<String> cut = new java.util.ArrayList<>();
        collectCutSummaries(all, cut);
        assertThat(cut).as("first description lines that stop mid-sentence").isEmpty();
    }

    private static void collectCutSummaries(CommandLine command, List<String> cut) {
        for (CommandLine sub : command.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            String first = description.length == 0 ? "" : description[0].strip();
            if (!sub.getCommandName().equals("help") && !first.matches(".*[.)!?]$")) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": " + first);
            }
            collectCutSummaries(sub, cut);
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
