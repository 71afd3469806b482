package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Scheduled backups on the members' hosts (decision 0024: each member snapshots itself). Every plan is
 * built from the inventory and the request alone; its steps ask the hosts when they run.
 */
public final class BackupPlans {
    private BackupPlans() {
    }

    /**
     * Guard (and, with an off-site copy, the store checked from here with the hosts' key) -> script, settings
     * (0600, the only place the key is written), units -> daemon-reload and the timer started; re-run with other
     * values updates, and a re-run without an off-site copy rewrites the settings without the key.
     */
    public static Plan schedule(ClusterSession cluster, BackupSchedule request) {
        return schedule(cluster, request, OffsiteCheckStep::open);
    }

    static Plan schedule(ClusterSession cluster, BackupSchedule request, Function<OffsiteCopy, OffsiteStore> stores) {
        BackupHosts hosts = new BackupHosts(cluster, cluster.inventory().etcdMembers());
        List<String> all = hosts.hostNames();
        var settings = cluster.inventory().etcd();
        BackupUnits units = hosts.units();
        BackupSchedule schedule = forCluster(cluster, request);
        List<PlannedStep> guards = new ArrayList<>();
        guards.add(BackupHostsGuardStep.on(hosts, "scheduled", true));
        schedule.offsite().ifPresent(copy -> guards.add(OffsiteCheckStep.on(copy, stores)));
        return new Plan("backup-schedule", cluster.inventory().clusterName(), Stream.concat(guards.stream(), Stream.of(
                PlannedStep.onEach(BackupFileStep.script(hosts), all),
                PlannedStep.onEach(BackupFileStep.secret(hosts, units.envFile(),
                        m -> BackupFiles.envFile(units, m, settings, schedule)), all),
                PlannedStep.onEach(BackupFileStep.unit(hosts, units.serviceFile(), m -> BackupFiles.serviceUnit(units)),
                        all),
                PlannedStep.onEach(BackupFileStep.unit(hosts, units.timerFile(),
                        m -> BackupFiles.timerUnit(units, schedule)), all),
                PlannedStep.onEach(new EnableTimerStep(hosts), all))).toList());
    }

    /** The request in the cluster's own folder when it names none: the events cluster's backups stay apart. */
    public static BackupSchedule forCluster(ClusterSession cluster, BackupSchedule request) {
        return request.dir().equals(BackupSchedule.DEFAULT_DIR)
                ? request.inDir(BackupUnits.of(cluster).defaultDir()) : request;
    }

    /** Guard (reachable) -> timer stopped and disabled -> its files gone; the backups stay. */
    public static Plan unschedule(ClusterSession cluster) {
        BackupHosts hosts = new BackupHosts(cluster, cluster.inventory().etcdMembers());
        List<String> all = hosts.hostNames();
        return new Plan("backup-unschedule", cluster.inventory().clusterName(), List.of(
                BackupHostsGuardStep.on(hosts, "unscheduled", false),
                PlannedStep.onEach(new DisableTimerStep(hosts), all),
                PlannedStep.onEach(new RemoveScheduleFilesStep(hosts), all)));
    }

    /** The scheduled job now, on every member's host or on {@code onlyHost}. */
    public static Plan run(ClusterSession cluster, java.util.Optional<String> onlyHost) {
        List<EtcdMember> members = cluster.inventory().etcdMembers();
        List<String> targets = onlyHost.map(List::of).orElse(members.stream().map(EtcdMember::hostName).toList());
        onlyHost.ifPresent(host -> {
            if (members.stream().noneMatch(m -> m.hostName().equals(host))) {
                throw new BackupException(host + " is not a host of the inventory's etcd group",
                        "give one of: " + String.join(", ", members.stream().map(EtcdMember::hostName).toList()));
            }
        });
        BackupHosts hosts = new BackupHosts(cluster, members);
        return new Plan("backup-run", cluster.inventory().clusterName(),
                List.of(PlannedStep.onEach(new RunBackupStep(hosts), targets)));
    }
}
