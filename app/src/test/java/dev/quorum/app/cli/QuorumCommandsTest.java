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

    @Test
    void everyCommandHasItsOwnName() {
        List<String> names = QuorumCommand.COMMANDS.stream().map(QuorumCommand::nameOf).toList();
        assertThat(names).doesNotHaveDuplicates().contains("install", "status", "help");
        CommandLine all = new CommandLine(new QuorumCommand());
        QuorumCommand.COMMANDS.forEach(all::addSubcommand);
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(names);
    }
}
