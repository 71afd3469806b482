package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", description = {"Run the scheduled backup now, as the timer does "
        + "(systemctl start quorum-backup.service, "
        + "quorum-backup-events.service with --cluster events), "
        + "on every member's host or on one.", "A failed run shows the script's reason."})
final class BackupRunCommand extends ClusterCommand {
    @Option(names = "--host", paramLabel = "HOST", description = "Only on this host of the etcd group.")
    String host;

    @Override
    public Integer call() {
        try (ClusterSession session = cluster.openExisting()) {
            // a run adds a backup and changes nothing else: no question asked, as the timer asks none
            return new PlanExecution(out(), session.home())
                    .apply(BackupPlans.run(session, Optional.ofNullable(host)), true);
        }
    }
}
