package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What scripts rely on: commands listed, exit codes, one-line reasons on stderr. */
class CliContractTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QuorumCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code quorum ARGS...}, which must be refused with {@code exit}; returns what it said (stderr), to check. */
    static String refusal(int exit, String... args) {
        Run run = run(args);
        assertThat(run.exit()).isEqualTo(exit);
        return run.err();
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("install").contains("status");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : new String[] {"install", "status", "add", "remove", "replace"}) {
            Run help = run(command, "--help");
            assertThat(help.exit()).as(command + " --help: " + help.err()).isZero();
            assertThat(help.out()).startsWith("Usage: quorum " + command).contains("--inventory");
        }
        assertThat(run("add", "--help").out()).contains("--host");
        assertThat(run("replace", "--help").out()).contains("--with").contains("--keep-name");
    }

    @Test
    void noCommandPrintsTheHelpUntilTheDesktopAppExists() {
        Run none = run();
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("Usage: quorum").contains("install");
    }

    @Test
    void installAndStatusNeedAnInventory() {
        assertThat(refusal(ExitCodes.USAGE, "install")).contains("Missing required option: '--inventory=INVENTORY'");
    }

    @Test
    void aMissingInventoryFileSaysWhatToGive(@TempDir Path dir) {
        assertThat(refusal(ExitCodes.FAILED, "status", "-i", dir.resolve("nope.yaml").toString()))
                .startsWith("quorum: inventory ").contains("does not exist")
                .contains("what to do: give the path of a Kubespray inventory (YAML or INI)");
    }

    @Test
    void aBrokenInventoryGivesTheReaderMessage(@TempDir Path dir) throws Exception {
        Path inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, "all:\n  hosts:\n    n1: {ansible_host: 10.0.0.1}\n");
        Run install = run("install", "--plan", "-i", inventory.toString());
        assertThat(install.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(install.err()).startsWith("quorum: inventory hosts.yaml").contains("etcd");
        assertThat(install.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void statusOfAClusterNeverInstalledFromHereSaysToInstall(@TempDir Path dir) throws Exception {
        Path inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    n1: {ansible_host: 127.0.0.1}
                  children:
                    etcd:
                      hosts:
                        n1: {}
                """);
        Run status = runWithHome(dir.resolve("home"), "status", "-i", inventory.toString());
        assertThat(status.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(status.err()).contains("no certificates for cluster").contains("quorum install -i");
    }

    private static Run runWithHome(Path home, String... args) {
        String previous = System.getProperty("quorum.home");
        System.setProperty("quorum.home", home.toString());
        try {
            return run(args);
        } finally {
            if (previous == null) {
                System.clearProperty("quorum.home");
            } else {
                System.setProperty("quorum.home", previous);
            }
        }
    }
}
