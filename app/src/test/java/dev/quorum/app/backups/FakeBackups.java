package dev.quorum.app.backups;

import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.lifecycle.backup.LastRun;
import dev.quorum.core.lifecycle.backup.ObservedSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Overviews as two hosts would describe them: scheduled every hour, keep 24. */
final class FakeBackups {
    static final Instant NOW = Instant.parse("2026-12-04T04:00:00Z");

    private FakeBackups() {
    }

    static ObservedSchedule schedule(String host, LastRun lastRun) {
        return new ObservedSchedule(host, Optional.empty(), true, true, Optional.of(Duration.ofHours(1)),
                OptionalInt.of(24), Optional.of(NOW.minus(Duration.ofDays(1))), Optional.of(NOW.plusSeconds(1200)),
                Optional.of(lastRun), NOW);
    }

    static LastRun succeeded(int secondsAgo) {
        return new LastRun("success", 0, Optional.of(NOW.minusSeconds(secondsAgo)));
    }

    static BackupEntry backup(String host, int minutesAgo, long revision) {
        Instant time = NOW.minus(Duration.ofMinutes(minutesAgo));
        return new BackupEntry(host, host + ":/var/backups/quorum-etcd/quorum-backup-" + host + "-" + time.getEpochSecond()
                + ".db", Optional.of(time), revision, 20512, "cd".repeat(32), true, Optional.empty());
    }

    /** lab1 fine, lab2's last run failed. */
    static BackupOverview failedOnLab2() {
        return BackupOverview.of(List.of(schedule("lab1", succeeded(600)), schedule("lab2",
                        new LastRun("exit-code", 1, Optional.of(NOW.minusSeconds(60))))),
                List.of(new HostBackups("lab1", List.of(backup("lab1", 70, 40), backup("lab1", 10, 42)), Optional.empty()),
                        new HostBackups("lab2", List.of(backup("lab2", 65, 40)), Optional.empty())));
    }

    /** Both hosts with a backup a minute old. */
    static BackupOverview freshAfterARun() {
        return BackupOverview.of(List.of(schedule("lab1", succeeded(30)), schedule("lab2", succeeded(20))),
                List.of(new HostBackups("lab1", List.of(backup("lab1", 10, 42), backup("lab1", 1, 43)), Optional.empty()),
                        new HostBackups("lab2", List.of(backup("lab2", 65, 40), backup("lab2", 1, 43)), Optional.empty())));
    }
}
