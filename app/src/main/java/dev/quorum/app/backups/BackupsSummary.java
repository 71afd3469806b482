package dev.quorum.app.backups;

import dev.quorum.app.common.BackupHealthWords;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import dev.quorum.core.lifecycle.backup.Durations;
import dev.quorum.core.lifecycle.backup.HostBackupHealth;
import dev.quorum.core.lifecycle.backup.LastRun;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The tab's header lines, worded from core's typed overview: schedule, next run, last result, health. */
record BackupsSummary(String schedule, String nextRun, String lastResult, String health) {
    static BackupsSummary of(BackupOverview overview, ZoneId zone) {
        BackupHealth health = overview.health();
        String schedule = health.status() == BackupStatus.NOT_SCHEDULED ? "not scheduled"
                : health.every().map(e -> "every " + Durations.words(e)).orElse("every ?")
                + health.keep().stream().mapToObj(k -> ", keep the newest " + k + " per host").findFirst().orElse("");
        String next = health.nextRun().map(t -> time(t, zone)).orElse("-");
        return new BackupsSummary(schedule, next, lastResult(health, zone),
                BackupHealthWords.label(health.status()) + (health.troubled().isEmpty() ? ""
                        : " - " + String.join("; ", health.troubled().stream().map(BackupHealthWords::hostProblem).toList())));
    }

    /** Failed runs first by host; else the latest end of a good run. */
    private static String lastResult(BackupHealth health, ZoneId zone) {
        List<HostBackupHealth> failed = health.hosts().stream()
                .filter(h -> h.lastRun().map(LastRun::failed).orElse(false)).toList();
        if (!failed.isEmpty()) {
            return "failed on " + String.join(", ", failed.stream().map(h -> h.host() + " (exit status "
                    + h.lastRun().get().exitStatus() + ")").toList());
        }
        Optional<Instant> ended = health.hosts().stream().flatMap(h -> h.lastRun().stream())
                .flatMap(r -> r.ended().stream()).max(Comparator.naturalOrder());
        return ended.map(t -> "succeeded, last ended " + time(t, zone)).orElse("no run yet");
    }

    private static String time(Instant t, ZoneId zone) {
        return BackupRow.time(t, zone);
    }
}
