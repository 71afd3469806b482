package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backup commands' contract without a cluster: help, and bad values refused before anything is read. */
class BackupCliTest {

    @Test
    void eachBackupCommandHasItsHelp() {
        assertThat(CliContractTest.run("--help").out()).contains("backup");
        assertThat(CliContractTest.run("backup", "--help").out()).contains("schedule", "unschedule", "run", "list");
        assertThat(CliContractTest.run("backup", "schedule", "--help").out()).contains("--every", "--keep", "--plan",
                "--inventory");
        assertThat(CliContractTest.run("backup", "unschedule", "--help").out()).contains("--plan", "stay");
        assertThat(CliContractTest.run("backup", "run", "--help").out()).contains("--host");
        assertThat(CliContractTest.run("backup", "list", "--help").out()).contains("--json", "unknown");
    }

    @Test
    void aDurationThatIsNoDurationSaysWhatFormsThereAre() {
        CliContractTest.Run run = CliContractTest.run("backup", "schedule", "-i", "x.yaml", "--every", "hourly",
                "--keep", "3");
        assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("'hourly' is not a duration").contains("90s, 30m, 1h or 1d");
    }

    @Test
    void lessThanAMinuteOrAKeepOutOfRangeIsRefusedBeforeTheInventoryIsRead() {
        CliContractTest.Run often = CliContractTest.run("backup", "schedule", "-i", "x.yaml", "--every", "30s",
                "--keep", "3");
        assertThat(often.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(often.err()).contains("--every is 30s").doesNotContain("x.yaml");

        CliContractTest.Run none = CliContractTest.run("backup", "schedule", "-i", "x.yaml", "--every", "1h",
                "--keep", "0");
        assertThat(none.err()).contains("--keep is 0").contains("between 1 and 1000");
    }

    @Test
    void everyAndKeepAreRequired() {
        CliContractTest.Run run = CliContractTest.run("backup", "schedule", "-i", "x.yaml", "--every", "1h");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--keep");
    }

    @Test
    void theInventoryMayComeBeforeTheSubcommand() {
        CliContractTest.Run run = CliContractTest.run("backup", "-i", "x.yaml", "schedule", "--every", "2m",
                "--keep", "1001");
        assertThat(run.err()).contains("--keep is 1001");
    }
}
