package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which downgrades etcd's own downgrade can do (decision 0068): one minor back, from 3.6 or later, every member on
 * that newer minor or already on the target release; a member already on the target only while the cluster has a
 * downgrade to it enabled (else it is an upgrade under way, which --rollback undoes); and each newer member's
 * storage version and the downgrade state read from the member itself.
 */
final class DowngradeGates {
    private DowngradeGates() {
    }

    /** The target is the minor just below a cluster whose every member runs 3.6 or later: a downgrade may be asked. */
    static boolean offered(ObservedCluster observed, EtcdVersion target) {
        return observed.highestVersion().filter(highest -> oneMinorBack(highest, target)).isPresent()
                && observed.lowestVersion().filter(DowngradeStatus::reportedBy).isPresent();
    }

    static List<UpgradeRefusal> check(ObservedCluster observed, EtcdVersion target) {
        if (observed.members().stream().allMatch(m -> m.version().filter(target::equals).isPresent())) {
            return List.of(); // a finished downgrade run again: nothing to do
        }
        EtcdVersion highest = observed.highestVersion().orElseThrow();
        if (highest.compareTo(target) <= 0 || highest.sameLine(target)) {
            return List.of(new UpgradeRefusal(Gate.DOWNGRADE, "etcd_version " + target + " is not an older minor than "
                    + "what runs (" + highest + "): nothing to downgrade", "to downgrade, set etcd_version to the "
                    + "previous minor's release (e.g. v" + highest.major() + "." + (highest.minor() - 1) + ".x); "
                    + "otherwise run quorum upgrade without --downgrade"));
        }
        if (!oneMinorBack(highest, target)) {
            return List.of(new UpgradeRefusal(Gate.ONE_MINOR_AT_A_TIME, "etcd_version " + target + " is more than one "
                    + "minor below the running " + highest + "; etcd downgrades one minor at a time",
                    "set etcd_version to the newest " + highest.major() + "." + (highest.minor() - 1) + " patch, run "
                            + "quorum upgrade --downgrade, then the next minor down"));
        }
        if (!DowngradeStatus.reportedBy(highest)) {
            return List.of(new UpgradeRefusal(Gate.DOWNGRADE, "etcd " + highest.line() + " has no downgrade (etcd's "
                    + "downgrade exists from 3.6 on; 3.4 is out of support)", "restore a snapshot taken before the "
                    + "upgrade (quorum restore --snapshot FILE); writes made since are lost"));
        }
        List<UpgradeRefusal> refusals = new ArrayList<>();
        String stray = observed.members().stream().filter(m -> m.version().isPresent())
                .filter(m -> !m.version().get().equals(target) && !m.version().get().sameLine(highest))
                .map(m -> m.memberName() + " (" + m.version().get() + ")").collect(Collectors.joining(", "));
        if (!stray.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.DOWNGRADE, "members run neither " + highest.line() + " nor the "
                    + "target " + target + ": " + stray, "bring them to " + highest + " or " + target
                    + " first (quorum upgrade), then run quorum upgrade --downgrade again"));
        }
        List<ObservedMember> newer = observed.members().stream()
                .filter(m -> m.version().map(v -> v.sameLine(highest)).orElse(false)).toList();
        String unread = DowngradeStatus.unreadOf(newer);
        if (!unread.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.DOWNGRADE, "could not read the storage version and downgrade state "
                    + "of " + unread, "check that the member answers on its client port (etcdctl --endpoints=<it> "
                    + "endpoint status -w json, or etcd's gateway at /v3/maintenance/status), then run quorum upgrade "
                    + "--downgrade again"));
            return refusals;
        }
        String line = target.line();
        boolean someOnTarget = observed.members().stream().anyMatch(m -> m.version().filter(target::equals).isPresent());
        boolean enabled = !newer.isEmpty() && newer.stream().allMatch(m -> m.downgrade().downgradingTo(line));
        if (someOnTarget && !newer.isEmpty() && !enabled) {
            refusals.add(new UpgradeRefusal(Gate.DOWNGRADE, "some members run " + target + " while the cluster has no "
                    + "downgrade to " + line + " enabled: an upgrade to " + highest.line() + " is under way, not a "
                    + "downgrade", "quorum upgrade --rollback puts the kept " + target + " binaries back on the "
                    + "upgraded members; or finish the upgrade (quorum upgrade with etcd_version " + highest + ")"));
        }
        String other = newer.stream().filter(m -> m.downgrade().enabledTarget().isPresent()
                        && !m.downgrade().downgradingTo(line))
                .map(m -> m.memberName() + " (" + m.downgrade().enabledTarget().get() + ")")
                .collect(Collectors.joining(", "));
        if (!other.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.DOWNGRADE, "a downgrade to another version is enabled: " + other,
                    "cancel it (etcdctl.sh downgrade cancel on a member), then run quorum upgrade --downgrade again"));
        }
        return refusals;
    }

    private static boolean oneMinorBack(EtcdVersion highest, EtcdVersion target) {
        return highest.major() == target.major() && highest.minor() == target.minor() + 1;
    }
}
