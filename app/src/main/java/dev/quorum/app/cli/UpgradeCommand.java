package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.upgrade.EventsUpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "upgrade", description = {"Take the running cluster to the inventory's etcd_version, one member at a time.",
        "Followers first, the leader last (leadership handed on first); each member back on the new "
                + "version and caught up before the next. Guards first, nothing changes when one refuses: one minor "
                + "at a time (3.4 -> 3.5 -> 3.6 -> 3.7), 3.5 -> 3.6 from 3.5.32 with a clean v2 store, no auth for "
                + "3.4 -> 3.5, every member healthy, no alarms, room on disk. A snapshot is taken first; the old "
                + "binaries are kept on each host (/var/backups/quorum/etcd-vOLD) for --rollback while the cluster "
                + "is mixed.",
        "With etcd_events_cluster_enabled the events cluster runs the same binary: its members are "
                + "restarted onto the new version after the main ones (refused first if one could not take it). "
                + "--cluster events does only that, once the main cluster runs etcd_version; it has no --rollback "
                + "of its own.",
        "--downgrade takes a cluster on 3.6 or later one minor back to an older etcd_version with etcd's "
                + "own downgrade (etcdctl downgrade validate/enable, then the binaries member by member, a snapshot "
                + "first); run again after a cut-off run, it goes on; an events cluster goes back with the main "
                + "one. An upgrade after a downgrade cut off cancels it first."})
final class UpgradeCommand extends ClusterChangeCommand {
    @Option(names = "--rollback", description = "While some members still run the old version, put the kept old "
            + "binaries and env file back on the upgraded ones, one at a time.")
    boolean rollback;

    @Option(names = "--downgrade", description = "Take a cluster on etcd 3.6 or later one minor back to the "
            + "inventory's older etcd_version, with etcd's own downgrade.")
    boolean downgrade;

    @Override
    public Integer call() {
        if (rollback && downgrade) {
            throw new UserError("--rollback and --downgrade ask for different things",
                    "--rollback while the cluster is mixed after an upgrade; --downgrade to go one minor back after "
                            + "a completed one");
        }
        UpgradeRequest request = rollback ? UpgradeRequest.rollBack()
                : downgrade ? UpgradeRequest.downgradeOneMinor() : UpgradeRequest.upgrade();
        boolean events = cluster.clusterLayout() == ClusterLayout.EVENTS;
        // the events cluster runs the main cluster's binary: its upgrade reads the main cluster too (decision 0043)
        try (ClusterSession session = events ? cluster.openExistingMain() : cluster.openExisting()) {
            Plan plan = events ? EventsUpgradePlans.plan(session, request) : UpgradePlans.plan(session, request);
            PlanExecution execution = new PlanExecution(out(), session.home())
                    .ignoring(session.inventory().ignoredEtcdVariables());
            return change.planOnly ? execution.preview(plan) : execution.apply(plan, change.yes);
        }
    }
}
