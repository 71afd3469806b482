package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.core.lifecycle.backup.Durations;
import dev.quorum.core.lifecycle.backup.ScheduleRequest;
import dev.quorum.core.lifecycle.backup.offsite.AwsWorkstation;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schedule", description = {"Install (or change) the backup timer on every member's host: "
        + "/usr/local/bin/quorum-backup, /etc/quorum-backup.env (root only), quorum-backup.service and .timer; "
        + "with --cluster events: quorum-backup-events (same names, -events added), kept in "
        + "/var/backups/quorum-etcd-events.",
        "Each run: etcdctl snapshot save of the local member, snapshot status, sha256, a manifest, then the newest "
                + "--keep are kept; with --copy-to, uploaded with curl --aws-sigv4 (curl 7.76+ on the hosts). "
                + "Refused while a member's host cannot be reached."})
final class BackupScheduleCommand extends ClusterChangeCommand {
    @Option(names = "--every", required = true, paramLabel = "DURATION",
            description = "How often: 90s, 30m, 1h, 1d (at least 1m).")
    String every;

    @Option(names = "--keep", required = true, paramLabel = "N", description = "Backups kept on each host (1 to 1000).")
    int keep;

    @Option(names = "--copy-to", paramLabel = "s3://BUCKET/PREFIX",
            description = "Also upload each verified backup there, under PREFIX/MEMBER/, keeping the newest --keep of each "
                    + "member. The key (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and AWS_REGION) is "
                    + "checked from here first, then stored on each host in /etc/quorum-backup.env (root only). "
                    + "Leave it out on a re-run to stop the copies and remove the key from the hosts.")
    String copyTo;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "With --copy-to on an S3-compatible store: its URL, http(s)://HOST[:PORT], used path-style "
                    + "(default: AWS S3 in AWS_REGION).")
    String s3Endpoint;

    @Override
    public Integer call() {
        BackupSchedule asked = request();
        try (ClusterSession session = cluster.openExisting()) {
            BackupSchedule request = BackupPlans.forCluster(session, asked);
            return new PlanExecution(out(), session.home()).run(BackupPlans.schedule(session, request), change, () -> {
                out().println("Backups scheduled every " + Durations.words(request.every()) + ", the newest " + keep
                        + " kept in " + request.dir() + " on each member's host"
                        + request.offsite().map(c -> " and under " + c.location() + "MEMBER/").orElse("") + ".");
                out().println("Take one now with: quorum backup run -i " + cluster.inventory
                        + cluster.clusterArgument());
            });
        }
    }

    BackupSchedule request() {
        return new ScheduleRequest(Durations.parse(every), keep, Optional.ofNullable(copyTo), Optional.ofNullable(s3Endpoint))
                .resolve(AwsWorkstation::new);
    }
}
