package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Every host at once: each is a connection and two commands, and one slow host must not queue the rest. */
    public static BackupOverview read(ClusterSession cluster) {
        List<String> hosts = cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
        Map<String, Outcome<HostReading>> readings = FanOut.forEach(hosts, hosts.size(), host -> readHost(cluster, host));
        List<ObservedSchedule> schedules = new ArrayList<>();
        List<HostBackups> backups = new ArrayList<>();
        for (Outcome<HostReading> outcome : readings.values()) {
            HostReading reading = outcome.valueOrThrow(); // readHost turns every failure into "unknown"
            schedules.add(reading.schedule());
            backups.add(reading.backups());
        }
        return of(schedules, backups);
    }

    private record HostReading(ObservedSchedule schedule, HostBackups backups) {
    }

    private static HostReading readHost(ClusterSession cluster, String host) {
        ObservedSchedule schedule = readSchedule(cluster, host);
        return new HostReading(schedule, schedule.unknown().isPresent() ? HostBackups.unknown(host, schedule.unknown().get())
                : BackupList.read(cluster, host));
    }

    static ObservedSchedule readSchedule(ClusterSession cluster, String host) {
        CommandResult result;
        try {
            result = cluster.remote(host).run(ScheduleReading.command(BackupUnits.of(cluster)));
        } catch (Exception e) {
            return ObservedSchedule.unknown(host, "cannot be reached over SSH: " + e.getMessage(), Instant.now());
        }
        if (!result.ok()) {
            return ObservedSchedule.unknown(host, "cannot read its backup schedule: " + result.stderrTail(), Instant.now());
        }
        return ScheduleReading.parse(host, result.stdout(), Instant.now());
    }
}
