package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.steps.FetchReleaseStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.SnapshotStep;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rolling upgrade to the inventory's {@code etcd_version}, its rollback while the cluster is mixed, and etcd's own
 * downgrade one minor back (decision 0068), each with the events cluster that runs the same binary, if any. Guards first (nothing changes when one refuses), then a snapshot, then one
 * member at a time, followers first and the leader last; every step checks first, so a re-run finishes an interrupted
 * run or reports no changes.
 */
public final class UpgradePlans {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private UpgradePlans() {
    }

    /** The inventory's {@code etcd_version}: the upgrade's target. */
    public static EtcdVersion target(Inventory inventory) {
        return EtcdVersion.tryParse(inventory.etcd().version()).orElseThrow(() -> new UpgradeException(
                "etcd_version \"" + inventory.etcd().version() + "\" is not an etcd version",
                "write it as v3.6.14 in the inventory's group_vars"));
    }

    /** What the guards see now (etcd and SSH, read-only). */
    public static ObservedCluster observe(ClusterSession cluster, UpgradeRequest request) {
        LifecycleSession session = session(cluster);
        return UpgradeObserver.observe(session, LiveCluster.read(cluster), target(cluster.inventory()),
                request);
    }

    /** The guards' decision now: every refusal with its reason, or the shape of the plan. */
    public static UpgradeDecision decide(ClusterSession cluster, UpgradeRequest request) {
        return decide(cluster, observe(cluster, request), request);
    }

    /** The guards' decision on what was observed (the events cluster's guard decides when the plan runs). */
    public static UpgradeDecision decide(ClusterSession cluster, ObservedCluster observed, UpgradeRequest request) {
        return UpgradePlanner.decide(observed, target(cluster.inventory()), request);
    }

    /**
     * The plan: a guard step that decides again when it runs (a refusal fails it before anything changed), then
     * the release and a snapshot, then one step per member in the order decided now.
     */
    public static Plan plan(ClusterSession cluster, UpgradeRequest request) {
        LifecycleSession session = session(cluster);
        EtcdVersion target = target(cluster.inventory());
        UpgradeGuardStep guard = new UpgradeGuardStep(session, target, request);
        String name = switch (request.kind()) {
            case UPGRADE -> "upgrade";
            case ROLLBACK -> "rollback";
            case DOWNGRADE -> "downgrade";
        };
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(guard));
        EventsUpgradePlans.guardForMain(cluster, session, target, request).ifPresent(steps::add);
        UpgradeDecision decision = UpgradePlanner.decide(
                UpgradeObserver.observe(session, LiveCluster.read(cluster), target, request), target,
                request);
        if (!(decision instanceof UpgradeDecision.Proceed proceed)) {
            return new Plan(name, cluster.inventory().clusterName(), steps);
        }
        UpgradeShape shape = proceed.shape();
        if (!shape.nothingToDo()) {
            if (!shape.rollback()) {
                steps.add(PlannedStep.onCluster(new FetchReleaseStep(session)));
            }
            steps.add(PlannedStep.onCluster(new SnapshotStep(session, "before " + name, guard::nothingToDo)));
            if (shape.downgrade()) {
                steps.add(PlannedStep.onCluster(new DowngradeEnableStep(session, target)));
            }
        }
        if (shape.downgrade()) {
            steps.addAll(EventsUpgradePlans.beforeDowngrade(cluster, target));
        }
        if (shape.cancelsDowngradeFirst()) {
            steps.add(PlannedStep.onCluster(new DowngradeCancelStep(session, target)));
        }
        if (!shape.rollback() && !shape.downgrade()) {
            steps.addAll(EventsUpgradePlans.cancelDowngrade(cluster, target));
        }
        for (String host : shape.v2WalWorkaround()) {
            steps.add(PlannedStep.onEach(new V2WalWorkaroundStep(session), List.of(host)));
        }
        if (shape.snapshotFirst()) {
            shape.order().forEach(host -> steps.add(PlannedStep.onEach(new SnapshotBeforeHopStep(session, target),
                    List.of(host))));
            steps.addAll(EventsUpgradePlans.snapshotsBeforeHop(cluster, target));
        }
        String leader = shape.order().isEmpty() ? "" : shape.order().get(shape.order().size() - 1);
        for (String host : shape.order()) {
            boolean last = host.equals(leader) && shape.order().size() > 1;
            steps.add(PlannedStep.onEach(shape.rollback()
                    ? new RollbackMemberStep(session, shape.path().target(), last)
                    : new UpgradeMemberStep(session, target, last, shape.downgrade()), List.of(host)));
        }
        if (!shape.rollback()) {
            steps.add(PlannedStep.onEach(new EtcdutlStep(session, target), shape.order()));
            steps.addAll(EventsUpgradePlans.followMain(cluster, target, shape.downgrade()));
        }
        return new Plan(name, cluster.inventory().clusterName(), steps);
    }

    /** The started members the inventory names. */
    static LifecycleSession session(ClusterSession cluster) {
        LiveCluster live = LiveCluster.read(cluster);
        List<EtcdMember> members = live.members().stream()
                .filter(m -> !m.memberName().isEmpty() && live.inInventory(m)).toList();
        if (members.isEmpty()) {
            throw new UpgradeException("no member of cluster " + cluster.inventory().clusterName()
                    + " is on an inventory host", "check the inventory's etcd group against quorum status");
        }
        return new LifecycleSession(cluster, new ReleaseFetcher(cluster.home().releaseCache(), DOWNLOAD_TIMEOUT),
                HEALTH_TIMEOUT, members, InitialClusterState.EXISTING);
    }
}
