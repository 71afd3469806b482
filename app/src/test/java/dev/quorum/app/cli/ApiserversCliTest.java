package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kube-apiserver update's contract without a cluster: the command, the flag on every member change, usage. */
class ApiserversCliTest {

    @Test
    void theCommandAndItsHelp() {
        assertThat(CliContractTest.run("--help").out()).contains("apiservers");
        assertThat(CliContractTest.run("apiservers", "--help").out()).contains("update");
        assertThat(CliContractTest.run("apiservers", "update", "--help").out()).contains("--plan").contains("--inventory")
                .contains("/etc/kubernetes/quorum-backups").contains("One control plane at a time");
    }

    @Test
    void everyMemberChangeTakesUpdateApiservers() {
        for (String command : new String[] {"add", "remove", "replace", "restore"}) {
            assertThat(CliContractTest.run(command, "--help").out()).as(command).contains("--update-apiservers");
        }
    }

    @Test
    void theInventoryBeforeTheSubcommandIsTakenToo() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "apiservers", "-i", "missing.yaml", "update"))
                .contains("inventory missing.yaml does not exist");
    }
}
