package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;

/**
 * Scheduled backups on the members' hosts (decision 0024: each member snapshots itself). Every plan is
 * built from the inventory and the request alone; its steps ask the hosts when they run.
 */
public final class BackupPlans {
    private BackupPlans() {
    }

    /** Guard -> script, settings (0600), units -> daemon-reload and the timer started; re-run with other values updates. */
    public static Plan schedule(ClusterSession cluster, BackupSchedule request) {
        BackupHosts hosts = new BackupHosts(cluster, cluster.inventory().etcdMembers());
        List<String> all = hosts.hostNames();
        var settings = cluster.inventory().etcd();
        return new Plan("backup-schedule", cluster.inventory().clusterName(), List.of(
                BackupHostsGuardStep.on(hosts, "scheduled", true),
                PlannedStep.onEach(BackupFileStep.script(hosts), all),
                PlannedStep.onEach(BackupFileStep.secret(hosts, BackupFiles.ENV_FILE,
                        m -> BackupFiles.envFile(m, settings, request)), all),
                PlannedStep.onEach(BackupFileStep.unit(hosts, BackupFiles.SERVICE_FILE, m -> BackupFiles.serviceUnit()), all),
                PlannedStep.onEach(BackupFileStep.unit(hosts, BackupFiles.TIMER_FILE, m -> BackupFiles.timerUnit(request)), all),
                PlannedStep.onEach(new EnableTimerStep(hosts), all)));
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
