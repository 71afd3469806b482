package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.maintenance.Bytes;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "defrag", description = {"Defragment members one at a time, followers first and the leader last.",
        "Each with etcdctl --endpoints=URL defrag: a member serves nothing while it rewrites its file, so "
                + "each is back with a leader before the next. Members with less free space than --min-reclaim are "
                + "left alone.",
        "Refused unless every member answers with a leader and no CORRUPT alarm is raised."})
final class MaintainDefragCommand extends ClusterChangeCommand {
    @Option(names = "--min-reclaim", paramLabel = "SIZE", defaultValue = "16MiB",
            description = "Defragment a member only if its file has at least this much free space "
                    + "(db size minus in use; bytes or e.g. 64MiB; default: ${DEFAULT-VALUE}).")
    String minReclaim;

    @Override
    public Integer call() {
        DefragRequest request = new DefragRequest(Bytes.parse(minReclaim));
        try (ClusterSession session = cluster.openExisting()) {
            return MaintainExecution.run(session, MaintenancePlans.defrag(session, request), change,
                    out());
        }
    }
}
