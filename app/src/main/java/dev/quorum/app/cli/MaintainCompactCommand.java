package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compact", description = {"Discard the key history before a revision (etcdctl compact REV --physical).",
        "A snapshot is taken first: compaction cannot be undone. Already compacted that far: nothing to do.",
        "Refused: a revision in the future, a cluster without quorum, a CORRUPT alarm."})
final class MaintainCompactCommand extends ClusterChangeCommand {
    @ArgGroup(exclusive = true)
    Target target;

    static final class Target {
        @Option(names = "--keep-revisions", paramLabel = "N",
                description = "Keep the newest N revisions (default: " + CompactRequest.DEFAULT_KEEP_REVISIONS + ").")
        Long keep;

        @Option(names = "--to-revision", paramLabel = "REV", description = "Compact exactly to this revision.")
        Long revision;
    }

    @Override
    public Integer call() {
        CompactRequest request = request(target);
        try (ClusterSession session = cluster.openExisting()) {
            return MaintainExecution.run(session, MaintenancePlans.compact(session, request), change,
                    out());
        }
    }

    static CompactRequest request(Target target) {
        if (target != null && target.revision != null) {
            return CompactRequest.to(target.revision);
        }
        return CompactRequest.keep(target != null && target.keep != null ? target.keep
                : CompactRequest.DEFAULT_KEEP_REVISIONS);
    }
}
