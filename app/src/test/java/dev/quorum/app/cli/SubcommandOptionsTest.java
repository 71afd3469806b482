package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Options written before a subcommand reach the subcommand; every other command line is left alone. */
class SubcommandOptionsTest {

    @Test
    void theClustersOptionsBeforeRenewMoveAfterIt() {
        assertThat(SubcommandOptions.afterSubcommand("certs", "-i", "hosts.yaml", "renew", "--plan"))
                .containsExactly("certs", "renew", "-i", "hosts.yaml", "--plan");
        assertThat(SubcommandOptions.afterSubcommand("snapshot", "-i", "h.yaml", "save", "-o", "x.db"))
                .containsExactly("snapshot", "save", "-i", "h.yaml", "-o", "x.db");
        assertThat(SubcommandOptions.afterSubcommand("maintain", "-i", "h.yaml", "defrag", "--plan"))
                .containsExactly("maintain", "defrag", "-i", "h.yaml", "--plan");
    }

    @Test
    void commandLinesInTheDocumentedOrderAreUnchanged() {
        assertThat(SubcommandOptions.afterSubcommand("certs", "renew", "-i", "hosts.yaml"))
                .containsExactly("certs", "renew", "-i", "hosts.yaml");
        assertThat(SubcommandOptions.afterSubcommand("certs", "-i", "hosts.yaml", "--json"))
                .containsExactly("certs", "-i", "hosts.yaml", "--json");
        assertThat(SubcommandOptions.afterSubcommand("install", "-i", "renew", "save"))
                .containsExactly("install", "-i", "renew", "save");
    }

    @Test
    void theParentsHelpStillListsItsSubcommandsAndGuiIsListed() {
        CliContractTest.Run help = CliContractTest.run("--help");
        // each command's first line is a whole sentence: it is all the command list shows
        assertThat(help.out().replaceAll("\\s+", " ")).contains(" gui Open the desktop app")
                .contains("restore Disaster recovery when quorum is lost for good: a new cluster from a snapshot or a "
                        + "survivor. certs");
        CliContractTest.Run gui = CliContractTest.run("gui", "--help");
        assertThat(gui.exit()).isZero();
        assertThat(gui.out()).contains("Usage: quorum gui").contains("--inventory");
        CliContractTest.Run misplaced = CliContractTest.run("certs", "-i", "/nonexistent/hosts.yaml", "renew", "--plan");
        assertThat(misplaced.err()).as("reaches renew, which reads the inventory").contains("/nonexistent/hosts.yaml")
                .doesNotContain("Missing required option");
    }
}
