package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scheduled backups' health, evaluated from what the hosts said (pure: no SSH, no clock but the hosts').
 * Each member's host is judged on its own (decision 0024: each member snapshots itself); the cluster takes
 * the worst. A verified backup older than {@link #STALE_AFTER_INTERVALS} intervals is stale: one missed run
 * (a host down for a while, the timer's random delay) is not yet a problem, two are.
 *
 * @param status  the worst host's; {@code NOT_SCHEDULED} only when no host has a timer (a host without one
 *                while others have one is stale: schedule was not re-run after a membership change)
 * @param every   the interval, from the first host that has a timer
 * @param keep    the kept count, likewise
 * @param nextRun the earliest next run of any host's timer
 * @param newest  the newest verified backup of the cluster
 */
public record BackupHealth(BackupStatus status, List<HostBackupHealth> hosts, Optional<Duration> every,
                           OptionalInt keep, Optional<Instant> nextRun, Optional<BackupEntry> newest) {
    public static final int STALE_AFTER_INTERVALS = 2;

    public BackupHealth {
        hosts = List.copyOf(hosts);
    }

    public static BackupHealth evaluate(List<ObservedSchedule> schedules, List<HostBackups> backups) {
        Map<String, HostBackups> byHost = backups.stream()
                .collect(Collectors.toMap(HostBackups::host, Function.identity(), (a, b) -> a));
        List<HostBackupHealth> hosts = new ArrayList<>();
        for (ObservedSchedule schedule : schedules) {
            hosts.add(HostHealthRules.judge(schedule, Optional.ofNullable(byHost.get(schedule.host()))));
        }
        boolean anyScheduled = schedules.stream().anyMatch(ObservedSchedule::installed);
        BackupStatus status = hosts.stream().map(h -> anyScheduled && h.status() == BackupStatus.NOT_SCHEDULED
                        ? BackupStatus.STALE : h.status())
                .max(Comparator.naturalOrder()).orElse(BackupStatus.NOT_SCHEDULED);
        Optional<ObservedSchedule> first = schedules.stream().filter(ObservedSchedule::installed).findFirst();
        return new BackupHealth(status, hosts, first.flatMap(ObservedSchedule::every),
                first.map(ObservedSchedule::keep).orElse(OptionalInt.empty()),
                schedules.stream().flatMap(s -> s.nextRun().stream()).min(Comparator.naturalOrder()),
                hosts.stream().flatMap(h -> h.newestVerified().stream())
                        .max(Comparator.comparing(b -> b.time().orElse(Instant.EPOCH))));
    }

    /** The hosts whose status is not fine (stale, failed, unknown), in inventory order. */
    public List<HostBackupHealth> troubled() {
        return hosts.stream().filter(h -> h.status().needsAttention() || h.status() == BackupStatus.UNKNOWN
                || (status != BackupStatus.NOT_SCHEDULED && h.status() == BackupStatus.NOT_SCHEDULED)).toList();
    }
}
