package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** backup pull and restore --snapshot LOCATION without a cluster: help, and bad locations refused before anything is read. */
class BackupPullCliTest {

    @Test
    void pullHasItsHelpAndRestoreNamesLocations() {
        assertThat(CliContractTest.run("backup", "--help").out()).contains("pull");
        assertThat(CliContractTest.run("backup", "pull", "--help").out()).contains("LOCATION", "--to", "--s3-endpoint",
                "--plan", "sha256", "never overwritten");
        assertThat(CliContractTest.run("restore", "--help").out()).contains("FILE|LOCATION", "quorum backup", "--s3-endpoint");
    }

    @Test
    void aMalformedLocationIsRefusedWithWhereTheValidOnesAreListed() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "backup", "pull", "-i", "x.yaml", "etcd1:/etc/shadow"))
                .contains("etcd1:/etc/shadow", "backup file's name")
                .contains("quorum backup list -i x.yaml").doesNotContain("x.yaml does not exist");
    }

    @Test
    void restoreFromAMalformedLocationIsRefusedBeforeTheInventoryIsRead() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "restore", "-i", "x.yaml", "--snapshot",
                "etcd1:/var/backups/quorum-etcd/../../root/x.db"))
                .contains("not a plain absolute path", "quorum backup list -i x.yaml");

        CliContractTest.Run s3 = CliContractTest.run("restore", "-i", "x.yaml", "--snapshot", "s3://bucket-only");
        assertThat(s3.err()).contains("names no object", "quorum backup list");
    }

    @Test
    void aSnapshotThatIsNeitherAFileNorALocationSaysWhereBothAreListed() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "restore", "-i", "x.yaml", "--snapshot",
                "no-such-snapshot.db"))
                .contains("no-such-snapshot.db does not exist", "quorum snapshot list -i x.yaml",
                "quorum backup list -i x.yaml");
    }
}
