package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.quorum.core.intent.CommandLine;
import dev.quorum.core.intent.Intent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command a diagnosis may recommend is one this CLI accepts, with the options it names. */
class IntentCommandsParseTest {
    private static final List<Intent> EVERY_KIND = List.of(new Intent.Diagnose(), new Intent.Recover(),
            new Intent.RestoreFromSnapshot(List.of("etcd3")), new Intent.RestoreFromSurvivor(),
            new Intent.Replace("etcd2"), new Intent.Remove("etcd2"), new Intent.Add("h4"),
            new Intent.RenewCertificates(), new Intent.RotateCa(), new Intent.SaveSnapshot());

    @Test
    void eachIntentsCommandParsesAsAQuorumCommand() {
        assertThat(EVERY_KIND.stream().map(Object::getClass)).as("every intent Quorum runs itself")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Intent.class.getPermittedSubclasses())
                        .filter(c -> c != Intent.Manual.class).toList());
        for (Intent intent : EVERY_KIND) {
            String command = CommandLine.of(intent, "inv/hosts.yaml");
            assertThat(command).startsWith("quorum ");
            String[] args = SubcommandOptions.afterSubcommand(command.substring("quorum ".length()).split(" "));
            picocli.CommandLine cli = new picocli.CommandLine(new QuorumCommand());
            QuorumCommand.commandsFor(args).forEach(cli::addSubcommand);
            assertThatCode(() -> cli.parseArgs(args)).as(command).doesNotThrowAnyException();
        }
    }
}
