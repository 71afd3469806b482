package dev.quorum.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.lifecycle.backup.LastRun;
import dev.quorum.core.lifecycle.backup.ObservedSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The words status, diagnose and the app share, from core's typed health. */
class BackupHealthWordsTest {
    static final Instant NOW = Instant.parse("2026-12-04T04:00:00Z");
    static final LastRun OK = new LastRun("success", 0, Optional.empty());

    static ObservedSchedule schedule(String host, LastRun run) {
        return new ObservedSchedule(host, Optional.empty(), true, true, Optional.of(Duration.ofMinutes(30)),
                OptionalInt.of(5), Optional.of(NOW.minus(Duration.ofDays(1))), Optional.empty(), Optional.of(run), NOW);
    }

    static HostBackups backups(String host, Duration age) {
        Instant time = NOW.minus(age);
        return new HostBackups(host, List.of(new BackupEntry(host, host + ":/b/x.db", Optional.of(time), 7, 10, "ab",
                true, Optional.empty())), Optional.empty());
    }

    @Test
    void freshSaysTheNewestAndTheSchedule() {
        BackupHealth health = BackupHealth.evaluate(List.of(schedule("a", OK)), List.of(backups("a", Duration.ofMinutes(5))));

        assertThat(BackupHealthWords.line(health))
                .isEqualTo("fresh, newest verified 2026-12-04 03:55:00 UTC on a, revision 7 (every 30m, keep 5)");
        assertThat(BackupHealthWords.whatToDo(health, "inv.yaml")).isEmpty();
    }

    @Test
    void staleNamesTheHostItsAgeAndTheCommandsWithTheSameSchedule() {
        BackupHealth health = BackupHealth.evaluate(List.of(schedule("a", OK), schedule("b", OK)),
                List.of(backups("a", Duration.ofMinutes(5)), backups("b", Duration.ofHours(3))));

        assertThat(BackupHealthWords.line(health)).isEqualTo("STALE: b: the newest verified backup is 3 h old");
        assertThat(BackupHealthWords.whatToDo(health, "inv.yaml")).containsSubsequence(
                "quorum backup run -i inv.yaml", "quorum backup schedule -i inv.yaml --every 30m --keep 5");
    }

    @Test
    void failedNamesTheFailedHostInTheCommand() {
        BackupHealth health = BackupHealth.evaluate(List.of(schedule("a", new LastRun("exit-code", 1, Optional.empty()))),
                List.of(backups("a", Duration.ofMinutes(5))));

        assertThat(BackupHealthWords.line(health))
                .isEqualTo("FAILED: a: the last run failed (result exit-code, exit status 1)");
        assertThat(BackupHealthWords.whatToDo(health, "inv.yaml")).last().isEqualTo("quorum backup run -i inv.yaml --host a");
    }

    @Test
    void theEventsClustersCommandsNameItAndItsOwnBackupUnit() {
        BackupHealth failed = BackupHealth.evaluate(List.of(schedule("a", new LastRun("exit-code", 1, Optional.empty()))),
                List.of(backups("a", Duration.ofMinutes(5))));
        BackupHealth stale = BackupHealth.evaluate(List.of(schedule("a", OK), schedule("b", OK)),
                List.of(backups("a", Duration.ofMinutes(5)), backups("b", Duration.ofHours(3))));

        assertThat(BackupHealthWords.whatToDo(failed, "inv.yaml", ClusterLayout.EVENTS))
                .containsExactly("Run the backup again to see why it failed (the script's reason; journalctl -u "
                                + "quorum-backup-events.service on the host shows the whole run), fix the cause (a full "
                                + "disk, etcd down, an unwritable backup directory), and run it once more:",
                        "quorum backup run -i inv.yaml --cluster events --host a");
        assertThat(BackupHealthWords.whatToDo(stale, "inv.yaml", ClusterLayout.EVENTS)).containsSubsequence(
                "quorum backup run -i inv.yaml --cluster events",
                "quorum backup schedule -i inv.yaml --cluster events --every 30m --keep 5");
        assertThat(BackupHealthWords.whatToDo(failed, "inv.yaml").get(0)).contains("journalctl -u quorum-backup.service");
    }

    @Test
    void agesInRoughWords() {
        assertThat(BackupHealthWords.age(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(BackupHealthWords.age(Duration.ofMinutes(25))).isEqualTo("25 min");
        assertThat(BackupHealthWords.age(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(BackupHealthWords.age(Duration.ofDays(3))).isEqualTo("3 days");
    }
}
