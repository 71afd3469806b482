package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import picocli.CommandLine.Command;

@Command(name = "unschedule", description = {"Stop and remove the backup timer on every member's host.",
        "The backups already taken stay where they are; the units and the script are kept aside in "
                + "/var/backups/quorum, /etc/quorum-backup.env (it may hold an S3 secret) is deleted."})
final class BackupUnscheduleCommand extends ClusterChangeCommand {

    @Override
    public Integer call() {
        try (ClusterSession session = cluster.openExisting()) {
            return new PlanExecution(out(), session.home()).run(BackupPlans.unschedule(session), change,
                    () -> out().println("Backups unscheduled; existing backups kept (quorum backup list -i "
                            + cluster.inventory + cluster.clusterArgument() + ")."));
        }
    }
}
