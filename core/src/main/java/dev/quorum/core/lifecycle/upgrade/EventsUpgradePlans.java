package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.LabelledStep;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.SnapshotStep;
import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events cluster through an upgrade (decision 0043). Its members run the main cluster's etcd binary, so the
 * main cluster's upgrade decides its version: {@code quorum upgrade} refuses when an events member could not take
 * the new binary on its next restart, and after the main members rolls the events members onto it too.
 * {@code quorum upgrade --cluster events} does only that second part, for an events cluster left behind (a run
 * stopped half way, or a main cluster upgraded by other means), and only once the main cluster runs the target.
 * A downgrade (decision 0068) takes both clusters one minor back: the events cluster's downgrade is enabled beside the
 * main one's, before the shared binary changes, and its members follow the main ones.
 */
public final class EventsUpgradePlans {
    static final String LABEL = "events cluster";

    private EventsUpgradePlans() {
    }

    /** {@code quorum upgrade --cluster events}: guard -> snapshot -> each events member restarted, the leader last. */
    public static Plan plan(ClusterSession main, UpgradeRequest request) {
        Inventory events = main.inventory().cluster(ClusterLayout.EVENTS);
        if (request.rollback()) {
            throw new UpgradeException("--rollback --cluster events: the events cluster has no binary of its own to "
                    + "put back (it runs the main cluster's " + main.inventory().etcd().binDir() + "/etcd)",
                    "roll back the main cluster instead (quorum upgrade --rollback, without --cluster); it refuses "
                            + "while an events member already runs the new version");
        }
        if (request.downgrade()) {
            throw new UpgradeException(downgradeRefusal(main).reason(), downgradeRefusal(main).hint());
        }
        EtcdVersion target = UpgradePlans.target(main.inventory());
        LifecycleSession mainSession = UpgradePlans.session(main);
        LifecycleSession eventsSession = UpgradePlans.session(main.sibling(events));
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.onCluster(new EventsVersionGuardStep("Check the main cluster and the hosts' etcd "
                + "binary are on " + target, List.of("etcdctl endpoint status --cluster   # every main member on "
                + target, main.inventory().etcd().binDir() + "/etcd --version   # " + target + " on every host"),
                () -> EventsVersionGate.forEvents(EventsVersions.running(mainSession),
                        EventsVersions.binaries(eventsSession), target))));
        steps.add(PlannedStep.onCluster(new SnapshotStep(eventsSession, "before upgrade",
                () -> EventsVersions.allOn(eventsSession, target))));
        steps.addAll(restarts(eventsSession, target, "", false));
        return new Plan("upgrade", events.clusterName(), steps);
    }

    /**
     * What the guard of {@link #plan} decides now, for a preview (the app's guards page): empty when the events
     * cluster may follow the main one; the guard decides again when the plan runs.
     */
    public static List<UpgradeRefusal> refusals(ClusterSession main, UpgradeRequest request) {
        if (request.rollback()) {
            return List.of(new UpgradeRefusal(Gate.ROLLBACK, "the events cluster has no binary of its own to put "
                    + "back (it runs the main cluster's " + main.inventory().etcd().binDir() + "/etcd)",
                    "roll back the main cluster instead (quorum upgrade --rollback, without --cluster)"));
        }
        if (request.downgrade()) {
            return List.of(downgradeRefusal(main));
        }
        Inventory events = main.inventory().cluster(ClusterLayout.EVENTS);
        return EventsVersionGate.forEvents(EventsVersions.running(UpgradePlans.session(main)),
                EventsVersions.binaries(UpgradePlans.session(main.sibling(events))), UpgradePlans.target(main.inventory()));
    }

    /** Decision 0068: the events cluster is downgraded with the main one, whose binary it runs. */
    private static UpgradeRefusal downgradeRefusal(ClusterSession main) {
        return new UpgradeRefusal(Gate.EVENTS_CLUSTER, "--downgrade --cluster events: the events cluster runs the "
                + "main cluster's " + main.inventory().etcd().binDir() + "/etcd, so it is downgraded with the main "
                + "cluster", "run quorum upgrade --downgrade without --cluster: it downgrades both clusters");
    }

    /** The guard the main cluster's upgrade or rollback starts with when its hosts run the events cluster too. */
    static Optional<PlannedStep> guardForMain(ClusterSession main, LifecycleSession mainSession, EtcdVersion target,
                                              UpgradeRequest request) {
        Optional<Inventory> events = main.inventory().eventsCluster();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        ClusterSession eventsCluster = main.sibling(events.get());
        if (request.downgrade()) {
            return Optional.of(PlannedStep.onCluster(new LabelledStep(LABEL, new EventsVersionGuardStep(
                    "Check every events member can be downgraded with the main cluster",
                    List.of("etcdctl --endpoints=<the events members, port " + ClusterLayout.EVENTS.clientPort()
                            + "> endpoint status -w json   # each on " + target.major() + "." + (target.minor() + 1)
                            + " or " + target + "; no downgrade to another version enabled"),
                    () -> forDowngrade(UpgradePlans.session(eventsCluster), target)))));
        }
        return Optional.of(PlannedStep.onCluster(new LabelledStep(LABEL, new EventsVersionGuardStep(
                "Check every events member can take the shared binary on its next restart",
                List.of("etcdctl --endpoints=<the events members, port " + ClusterLayout.EVENTS.clientPort()
                        + "> endpoint status   # each within one minor of " + target,
                        "etcdutl check v2store --data-dir " + events.get().etcd().dataDir() + "   # 3.5 -> 3.6 only",
                        "grep -zaoE '[0-9a-f]+removed' " + events.get().etcd().dataDir()
                                + "/member/snap/db   # members marked removed, 3.5 -> 3.6 only"),
                () -> lowest(mainSession).map(lowest -> forMain(UpgradePlans.session(eventsCluster), lowest, target,
                        request.rollback())).orElse(List.of(
                        new UpgradeRefusal(Gate.UNREACHABLE, "no main member reported its version",
                                "check quorum status")))))));
    }

    /** The events members' versions, and on a 3.5 -> 3.6 hop their v2 stores and removed marks, against the target. */
    private static List<UpgradeRefusal> forMain(LifecycleSession events, EtcdVersion lowest, EtcdVersion target,
                                                boolean rollback) {
        Map<String, Optional<EtcdVersion>> running = EventsVersions.running(events);
        List<UpgradeRefusal> refusals = new ArrayList<>(EventsVersionGate.forMain(lowest, target, rollback, running));
        if (!rollback) {
            EventsVersions.HopChecks hop = EventsVersions.hopChecks(events, running, target);
            refusals.addAll(EventsVersionGate.v2Stores(hop.v2Stores()));
            refusals.addAll(EventsVersionGate.removedMarks(hop.removedMarks(), events.cluster().inventory().clusterName()));
        }
        return refusals;
    }

    private static List<UpgradeRefusal> forDowngrade(LifecycleSession events, EtcdVersion target) {
        Map<String, Optional<EtcdVersion>> running = EventsVersions.running(events);
        return EventsVersionGate.forDowngrade(target, running, EventsVersions.downgradeStates(events, running, target));
    }

    /**
     * After the main members: each events member restarted onto the binary they now run; on a downgrade only once its
     * storage is on the target's minor.
     */
    static List<PlannedStep> followMain(ClusterSession main, EtcdVersion target, boolean downgrade) {
        return eventsSession(main).map(events -> restarts(events, target, LABEL, downgrade)).orElse(List.of());
    }

    /**
     * A downgrade's events steps before the shared binary changes: a snapshot of the events cluster, then etcd's
     * downgrade enabled on it and its storage migrated, so each events member can start on the older binary, even one
     * that restarts on its own before its turn.
     */
    static List<PlannedStep> beforeDowngrade(ClusterSession main, EtcdVersion target) {
        return eventsSession(main).map(events -> List.of(
                PlannedStep.onCluster(new LabelledStep(LABEL, new SnapshotStep(events, "before downgrade",
                        () -> EventsVersions.allOn(events, target)))),
                PlannedStep.onCluster(new LabelledStep(LABEL, new DowngradeEnableStep(events, target)))))
                .orElse(List.of());
    }

    /**
     * An upgrade to 3.6 or later: a downgrade left enabled on the events cluster (one cut off before its members all
     * moved) is cancelled first, or its members would run the newer minor while it kept speaking the older one.
     */
    static List<PlannedStep> cancelDowngrade(ClusterSession main, EtcdVersion target) {
        if (!target.isAtLeast(3, 6, 0)) {
            return List.of();
        }
        return eventsSession(main).map(events -> List.of(PlannedStep.onCluster(new LabelledStep(LABEL,
                new DowngradeCancelStep(events, target))))).orElse(List.of());
    }

    private static Optional<LifecycleSession> eventsSession(ClusterSession main) {
        return main.inventory().eventsCluster().map(events -> UpgradePlans.session(main.sibling(events)));
    }

    /**
     * Before the shared binary changes, each events member takes its raft snapshot on the old one too, as the main
     * members do before every minor hop (decision 0067): once the main members are upgraded, the old binary is gone.
     */
    static List<PlannedStep> snapshotsBeforeHop(ClusterSession main, EtcdVersion target) {
        return eventsSession(main).map(session -> session.members().stream().map(m -> PlannedStep.onEach(
                new LabelledStep(LABEL, new SnapshotBeforeHopStep(session, target)), List.of(m.hostName()))).toList())
                .orElse(List.of());
    }

    private static List<PlannedStep> restarts(LifecycleSession events, EtcdVersion target, String label,
                                              boolean downgrade) {
        Optional<String> leader = HealthWait.probe(events).leader().map(MemberStatus::hostName);
        List<EtcdMember> order = new ArrayList<>(events.members());
        order.sort(Comparator.comparing(m -> leader.map(m.hostName()::equals).orElse(false)));
        return order.stream().map(m -> {
            boolean last = leader.map(m.hostName()::equals).orElse(false) && order.size() > 1;
            EventsRestartStep step = new EventsRestartStep(events, target, last, downgrade);
            return PlannedStep.onEach(label.isEmpty() ? step : new LabelledStep(label, step), List.of(m.hostName()));
        }).toList();
    }

    /** The main cluster's lowest running version, if any member reported one. */
    private static Optional<EtcdVersion> lowest(LifecycleSession mainSession) {
        return EventsVersions.running(mainSession).values().stream().flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }
}
