package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.core.lifecycle.backup.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schedule", description = {"Install (or change) the backup timer on every member's host: "
        + "/usr/local/bin/quorum-backup, /etc/quorum-backup.env (root only), quorum-backup.service and .timer.",
        "Each run: etcdctl snapshot save of the local member, snapshot status, sha256, a manifest, then the newest "
                + "--keep are kept. Refused while a member's host cannot be reached."})
final class BackupScheduleCommand extends ClusterChangeCommand {
    @Option(names = "--every", required = true, paramLabel = "DURATION",
            description = "How often: 90s, 30m, 1h, 1d (at least 1m).")
    String every;

    @Option(names = "--keep", required = true, paramLabel = "N", description = "Backups kept on each host (1 to 1000).")
    int keep;

    @Override
    public Integer call() {
        BackupSchedule request = request();
        try (ClusterSession session = cluster.openExisting()) {
            return new PlanExecution(out(), session.home()).run(BackupPlans.schedule(session, request), change, () -> {
                out().println("Backups scheduled every " + Durations.words(request.every()) + ", the newest " + keep
                        + " kept in " + request.dir() + " on each member's host.");
                out().println("Take one now with: quorum backup run -i " + cluster.inventory);
            });
        }
    }

    BackupSchedule request() {
        return BackupSchedule.of(Durations.parse(every), keep);
    }
}
