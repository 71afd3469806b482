package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.upgrade.UpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "upgrade", description = {"Take the running cluster to the inventory's etcd_version, one member at a",
        "time: followers first, the leader last (leadership handed on first); each member back on the new version",
        "and caught up before the next. Guards first, nothing changes when one refuses: one minor at a time",
        "(3.4 -> 3.5 -> 3.6 -> 3.7), 3.5 -> 3.6 from 3.5.32 with a clean v2 store, no auth for 3.4 -> 3.5, every",
        "member healthy, no alarms, room on disk. A snapshot is taken first; the old binaries are kept on each",
        "host (/var/backups/quorum/etcd-vOLD) for --rollback while the cluster is mixed."})
final class UpgradeCommand extends ClusterChangeCommand {
    @Option(names = "--rollback", description = "While some members still run the old version, put the kept old "
            + "binaries and env file back on the upgraded ones, one at a time.")
    boolean rollback;

    @Override
    public Integer call() {
        UpgradeRequest request = rollback ? UpgradeRequest.rollBack() : UpgradeRequest.upgrade();
        try (ClusterSession session = cluster.openExisting()) {
            Plan plan = UpgradePlans.plan(session, request);
            PlanExecution execution = new PlanExecution(out(), session.home())
                    .ignoring(session.inventory().ignoredEtcdVariables());
            return change.planOnly ? execution.preview(plan) : execution.apply(plan, change.yes);
        }
    }
}
