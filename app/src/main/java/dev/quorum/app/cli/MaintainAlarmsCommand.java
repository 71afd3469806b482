package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.lifecycle.maintenance.Bytes;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import dev.quorum.core.lifecycle.maintenance.SpaceReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alarms", description = {"List each member's alarms with its database size, in-use size and quota.",
        "From etcdctl alarm list and endpoint status. Exit status 0 without alarms, 1 with (or when they "
                + "cannot be read).",
        "--disarm disarms NOSPACE (etcdctl alarm disarm) only once the cause is gone: the member's "
                + "database below its quota and room on its disk. A CORRUPT alarm is never disarmed: re-seed that "
                + "member (quorum recover)."})
final class MaintainAlarmsCommand extends ClusterChangeCommand {
    @Option(names = "--disarm", description = "Disarm NOSPACE alarms whose cause is gone.")
    boolean disarm;

    @Option(names = "--reclaim", description = "With --disarm: first take a snapshot, compact and defragment "
            + "(etcd's cure for NOSPACE), then disarm.")
    boolean reclaim;

    @Option(names = "--keep-revisions", paramLabel = "N",
            description = "With --reclaim: revisions the compaction keeps (default: "
                    + CompactRequest.DEFAULT_KEEP_REVISIONS + ").")
    long keepRevisions = CompactRequest.DEFAULT_KEEP_REVISIONS;

    @Option(names = "--min-reclaim", paramLabel = "SIZE", defaultValue = "16MiB",
            description = "With --reclaim: defragment members with at least this much free space "
                    + "(default: ${DEFAULT-VALUE}).")
    String minReclaim;

    @Override
    public Integer call() {
        if (reclaim && !disarm) {
            throw new UserError("--reclaim only goes with --disarm", "run quorum maintain alarms --disarm --reclaim");
        }
        PrintWriter out = out();
        try (ClusterSession session = cluster.openExisting()) {
            if (disarm) {
                return MaintainExecution.run(session, reclaim ? MaintenancePlans.recoverSpace(session,
                        CompactRequest.keep(keepRevisions), new DefragRequest(Bytes.parse(minReclaim)))
                        : MaintenancePlans.disarm(session), change, out);
            }
            SpaceReport report = SpaceReport.read(session);
            SpaceTable.print(session.inventory().clusterName(), report, out);
            if (report.any(EtcdAlarm.Kind.NOSPACE)) {
                out.println("NOSPACE: only reads and deletes work. Delete what filled it, then: quorum maintain alarms "
                        + "--disarm --reclaim -i " + session.inventory().source() + cluster.clusterArgument());
            }
            if (report.any(EtcdAlarm.Kind.CORRUPT)) {
                out.println("CORRUPT: that member's data differs from the others'; re-seed it: quorum recover -i "
                        + session.inventory().source());
            }
            out.flush();
            return report.alarms().isEmpty() && report.alarmError().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
