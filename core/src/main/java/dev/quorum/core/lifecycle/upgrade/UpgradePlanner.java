package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The upgrade's guards and the plan's shape, decided from what was observed alone: no etcd, no SSH, so every gate
 * is unit-tested. A member whose state is unknown refuses (fail closed), naming it.
 */
public final class UpgradePlanner {

    private UpgradePlanner() {
    }

    public static UpgradeDecision decide(ObservedCluster observed, EtcdVersion target, UpgradeRequest request) {
        List<UpgradeRefusal> refusals = new ArrayList<>(HealthGates.check(observed));
        if (!refusals.isEmpty() && observed.lowestVersion().isEmpty()) {
            return new UpgradeDecision.Refused(refusals);
        }
        Optional<EtcdVersion> lowest = observed.lowestVersion();
        if (lowest.isEmpty()) {
            return new UpgradeDecision.Refused(List.of(new UpgradeRefusal(Gate.UNREACHABLE,
                    "no member of the cluster reported its version", "check quorum status")));
        }
        if (request.rollback()) {
            refusals.addAll(RollbackGates.check(observed));
            return refusals.isEmpty() ? new UpgradeDecision.Proceed(rollbackShape(observed))
                    : new UpgradeDecision.Refused(refusals);
        }
        boolean downgrade = request.downgrade();
        UpgradePath path = downgrade ? UpgradePath.of(observed.highestVersion().orElseThrow(), target)
                : UpgradePath.of(lowest.get(), target);
        // A downgrade's versions are judged by its own gates; disk and health are the same for both directions.
        List<UpgradeRefusal> versionRefusals = downgrade ? DowngradeGates.check(observed, target)
                : VersionGates.check(observed, target, path);
        refusals.addAll(versionRefusals);
        List<String> pending = pending(observed, target);
        if (versionRefusals.isEmpty() && !pending.isEmpty()) {
            refusals.addAll(DiskGates.check(observed, target));
        }
        if (!refusals.isEmpty()) {
            return new UpgradeDecision.Refused(refusals);
        }
        List<String> walOnly = downgrade ? List.of() : observed.members().stream()
                .filter(m -> m.v2Store() == V2Store.WAL_ONLY).filter(m -> !m.version().orElseThrow().equals(target))
                .map(ObservedMember::hostName).toList();
        return new UpgradeDecision.Proceed(new UpgradeShape(path, request.kind(), order(observed), pending, walOnly));
    }

    /**
     * etcd's downgrade could take the cluster to {@code target}: one minor below a cluster on 3.6 or later. The app
     * offers "Downgrade instead" then; the guards still decide.
     */
    public static boolean downgradeOffered(ObservedCluster observed, EtcdVersion target) {
        return DowngradeGates.offered(observed, target);
    }

    private static UpgradeShape rollbackShape(ObservedCluster observed) {
        EtcdVersion old = observed.lowestVersion().orElseThrow();
        EtcdVersion newest = observed.highestVersion().orElseThrow();
        return new UpgradeShape(UpgradePath.of(newest, old), UpgradeRequest.Kind.ROLLBACK, order(observed),
                pending(observed, old), List.of());
    }

    /** Hosts whose member does not report the target, in the plan's order. */
    static List<String> pending(ObservedCluster observed, EtcdVersion target) {
        return order(observed).stream().filter(host -> observed.members().stream()
                .anyMatch(m -> m.hostName().equals(host) && !m.version().map(target::equals).orElse(false))).toList();
    }

    /** Followers first, in the observed (inventory) order, the leader last. */
    static List<String> order(ObservedCluster observed) {
        return observed.members().stream().sorted(Comparator.comparing(ObservedMember::leader))
                .map(ObservedMember::hostName).toList();
    }
}
