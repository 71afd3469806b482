package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.pull.BackupLocation;
import dev.quorum.core.lifecycle.backup.pull.PullRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", description = {"Copy one backup to this workstation, by its location as backup list prints it "
        + "(HOST:/var/backups/quorum-etcd/FILE.db) or an off-site copy (s3://BUCKET/PREFIX/MEMBER/FILE.db).",
        "The copy must have the sha256 the list shows and pass etcd's integrity check; it goes into the cluster's "
        + "snapshot folder (or --to), where snapshot list, the Snapshots tab and restore find it.",
        "An existing different file is never overwritten; the same file already there is ok."})
final class BackupPullCommand extends ClusterCommand {
    @Parameters(index = "0", paramLabel = "LOCATION", description = "A backup's location from quorum backup list.")
    String location;

    @Option(names = "--to", paramLabel = "DIR", description = "Into this folder instead of ~/.quorum/clusters/NAME/snapshots.")
    Path to;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "For s3:// locations on an S3-compatible store: its URL (path-style). Credentials and region "
                    + "come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE and AWS_REGION.")
    String s3Endpoint;

    @Option(names = "--plan", description = "Show what would be copied; copy nothing.")
    boolean planOnly;

    @Override
    public Integer call() {
        PrintWriter out = out();
        BackupLocation parsed = BackupPullExecution.parse(location, cluster.inventory);
        try (ClusterSession session = cluster.openExisting()) {
            BackupPullExecution execution = new BackupPullExecution(session, out, cluster.inventory);
            PullRequest request = execution.request(parsed, Optional.ofNullable(to));
            if (planOnly) {
                return new PlanExecution(out, session.home()).preview(execution.plan(request, Optional.ofNullable(s3Endpoint)));
            }
            Path file = execution.pull(request, Optional.ofNullable(s3Endpoint));
            out.println("Pulled: " + file);
            if (cluster.clusterArgument().isEmpty()) {
                out.println("Restore from it with: quorum restore -i " + cluster.inventory + " --snapshot " + file);
            } else {
                out.println("quorum restore does not take --cluster events yet (decision 0043); the file is an "
                        + "ordinary etcd snapshot of the events cluster");
            }
            return ExitCodes.OK;
        }
    }
}
