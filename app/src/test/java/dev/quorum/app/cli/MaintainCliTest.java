package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The maintain commands' contract without a cluster: help, and usage mistakes refused before connecting. */
class MaintainCliTest {

    @Test
    void eachMaintenanceCommandHasItsHelp() {
        assertThat(CliContractTest.run("--help").out()).contains("maintain");
        assertThat(CliContractTest.run("maintain", "--help").out()).contains("compact").contains("defrag")
                .contains("alarms");
        assertThat(CliContractTest.run("maintain", "compact", "--help").out()).contains("--keep-revisions")
                .contains("--to-revision").contains("--plan").contains("--inventory");
        assertThat(CliContractTest.run("maintain", "defrag", "--help").out()).contains("--min-reclaim")
                .contains("leader last");
        assertThat(CliContractTest.run("maintain", "alarms", "--help").out()).contains("--disarm").contains("--reclaim")
                .contains("CORRUPT");
    }

    @Test
    void keepAndToRevisionExcludeEachOther() {
        assertThat(CliContractTest.refusal(ExitCodes.USAGE, "maintain", "compact", "-i", "x.yaml",
                "--keep-revisions", "5", "--to-revision", "9")).contains("mutually exclusive");
    }

    @Test
    void reclaimWithoutDisarmIsRefusedWithTheRightCommand() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "maintain", "alarms", "-i", "x.yaml", "--reclaim"))
                .contains("--reclaim only goes with --disarm").contains("alarms --disarm --reclaim");
    }

    @Test
    void aSizeThatIsNoSizeSaysWhatToGive() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "maintain", "defrag", "-i", "x.yaml",
                "--min-reclaim", "lots")).contains("\"lots\" is not a size").contains("64MiB");
    }
}
