package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.CommandResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about the scheduled backups, read from every member's host (read-only, two SSH commands per
 * host): each host's schedule, its backups, and the health evaluated from both. A host that cannot be asked is
 * unknown, never "not scheduled".
 */
public record BackupOverview(List<ObservedSchedule> schedules, List<HostBackups> backups, BackupHealth health) {
    public BackupOverview {
        schedules = List.copyOf(schedules);
        backups = List.copyOf(backups);
    }

    public static BackupOverview of(List<ObservedSchedule> schedules, List<HostBackups> backups) {
        return new BackupOverview(schedules, backups, BackupHealth.evaluate(schedules, backups));
    }

    public static BackupOverview read(ClusterSession cluster) {
        List<ObservedSchedule> schedules = new ArrayList<>();
        List<HostBackups> backups = new ArrayList<>();
        for (EtcdMember member : cluster.inventory().etcdMembers()) {
            ObservedSchedule schedule = readSchedule(cluster, member.hostName());
            schedules.add(schedule);
            backups.add(schedule.unknown().isPresent() ? HostBackups.unknown(member.hostName(), schedule.unknown().get())
                    : BackupList.read(cluster, member.hostName()));
        }
        return of(schedules, backups);
    }

    static ObservedSchedule readSchedule(ClusterSession cluster, String host) {
        CommandResult result;
        try {
            result = cluster.remote(host).run(ScheduleReading.command());
        } catch (Exception e) {
            return ObservedSchedule.unknown(host, "cannot be reached over SSH: " + e.getMessage(), Instant.now());
        }
        if (!result.ok()) {
            return ObservedSchedule.unknown(host, "cannot read its backup schedule: " + result.stderrTail(), Instant.now());
        }
        return ScheduleReading.parse(host, result.stdout(), Instant.now());
    }
}
