package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** One host's finding, in order of precedence: unread, unscheduled, a failed last run, a stopped timer, the age. */
final class HostHealthRules {
    private HostHealthRules() {
    }

    static HostBackupHealth judge(ObservedSchedule schedule, Optional<HostBackups> backups) {
        String host = schedule.host();
        if (schedule.unknown().isPresent()) {
            return unread(host, schedule.unknown().get());
        }
        Optional<BackupEntry> newest = backups.stream().flatMap(b -> b.backups().stream())
                .filter(b -> b.verified() && b.time().isPresent())
                .max(Comparator.comparing(b -> b.time().get()));
        Optional<Duration> age = newest.map(b -> Duration.between(b.time().get(), schedule.hostNow()));
        if (!schedule.installed()) {
            return new HostBackupHealth(host, BackupFinding.NOT_SCHEDULED, newest, age, schedule.lastRun(),
                    Optional.empty());
        }
        if (schedule.lastRun().map(LastRun::failed).orElse(false)) {
            return found(schedule, BackupFinding.LAST_RUN_FAILED, newest, age);
        }
        if (backups.isEmpty() || backups.get().unknown().isPresent()) {
            return unread(host, backups.flatMap(HostBackups::unknown).orElse("its backups were not listed"));
        }
        if (!schedule.timerActive()) {
            return found(schedule, BackupFinding.TIMER_STOPPED, newest, age);
        }
        // without a readable interval (an edited timer), an hour: the shortest schedule that is usual
        Duration allowed = schedule.every().orElse(Duration.ofHours(1)).multipliedBy(BackupHealth.STALE_AFTER_INTERVALS);
        if (newest.isEmpty()) {
            Instant since = schedule.scheduledSince().orElse(schedule.hostNow());
            boolean overdue = Duration.between(since, schedule.hostNow()).compareTo(allowed) > 0;
            return found(schedule, overdue ? BackupFinding.NONE_VERIFIED : BackupFinding.FIRST_RUN_DUE, newest, age);
        }
        return found(schedule, age.get().compareTo(allowed) > 0 ? BackupFinding.TOO_OLD : BackupFinding.RECENT,
                newest, age);
    }

    private static HostBackupHealth found(ObservedSchedule schedule, BackupFinding finding,
                                          Optional<BackupEntry> newest, Optional<Duration> age) {
        return new HostBackupHealth(schedule.host(), finding, newest, age, schedule.lastRun(), Optional.empty());
    }

    private static HostBackupHealth unread(String host, String reason) {
        return new HostBackupHealth(host, BackupFinding.UNREADABLE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(reason));
    }
}
