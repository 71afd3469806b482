package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "backup", "schedule", "-i", "x.yaml", "--every", "hourly",
                "--keep", "3")).contains("'hourly' is not a duration").contains("90s, 30m, 1h or 1d");
    }

    @Test
    void lessThanAMinuteOrAKeepOutOfRangeIsRefusedBeforeTheInventoryIsRead() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "backup", "schedule", "-i", "x.yaml", "--every", "30s",
                "--keep", "3")).contains("--every is 30s").doesNotContain("x.yaml");

        CliContractTest.Run none = CliContractTest.run("backup", "schedule", "-i", "x.yaml", "--every", "1h",
                "--keep", "0");
        assertThat(none.err()).contains("--keep is 0").contains("between 1 and 1000");
    }

    @Test
    void anOffsiteCopyIsCheckedBeforeAnyCredentialOrInventoryIsRead() {
        assertThat(CliContractTest.run("backup", "schedule", "--help").out()).contains("--copy-to", "--s3-endpoint",
                "/etc/quorum-backup.env");
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "backup", "schedule", "-i", "x.yaml", "--every", "1h",
                "--keep", "3", "--s3-endpoint", "http://127.0.0.1:9000")).contains("--s3-endpoint without --copy-to");
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "backup", "schedule", "-i", "x.yaml", "--every", "1h",
                "--keep", "3", "--copy-to", "s3://B/x"))
                .contains("not a valid S3 bucket name").doesNotContain("x.yaml");
    }

    @Test
    void everyAndKeepAreRequired() {
        assertThat(CliContractTest.refusal(ExitCodes.USAGE, "backup", "schedule", "-i", "x.yaml", "--every", "1h"))
                .contains("--keep");
    }

    @Test
    void theInventoryMayComeBeforeTheSubcommand() {
        CliContractTest.Run run = CliContractTest.run("backup", "-i", "x.yaml", "schedule", "--every", "2m",
                "--keep", "1001");
        assertThat(run.err()).contains("--keep is 1001");
    }

    @Test
    void theJsonListsEachBackupAndEachHostThatCouldNotBeRead() throws Exception {
        BackupEntry good = new BackupEntry("node1", "node1:/var/backups/quorum-etcd/a.db",
                Optional.of(Instant.parse("2026-12-03T23:00:01Z")), 42, 20512, "ab", true, Optional.empty());
        BackupEntry bare = new BackupEntry("node1", "node1:/var/backups/quorum-etcd/b.db", Optional.empty(), 0, 9, "",
                false, Optional.of("no manifest"));

        JsonNode json = new ObjectMapper().readTree(BackupListJson.render(List.of(
                new HostBackups("node1", List.of(good, bare), Optional.empty()),
                HostBackups.unknown("node2", "cannot be reached over SSH: timeout"))));

        assertThat(json.path("backups")).hasSize(2);
        JsonNode first = json.path("backups").get(0);
        assertThat(first.path("location").asText()).isEqualTo("node1:/var/backups/quorum-etcd/a.db");
        assertThat(first.path("time").asText()).isEqualTo("2026-12-03T23:00:01Z");
        assertThat(first.path("revision").asLong()).isEqualTo(42);
        assertThat(first.path("sha256").asText()).isEqualTo("ab");
        assertThat(first.path("verified").asBoolean()).isTrue();
        assertThat(json.path("backups").get(1).path("verified").asBoolean()).isFalse();
        assertThat(json.path("backups").get(1).path("problem").asText()).isEqualTo("no manifest");
        assertThat(json.path("unknown").get(0).path("host").asText()).isEqualTo("node2");
        assertThat(json.path("unknown").get(0).path("reason").asText()).contains("timeout");
    }
}
