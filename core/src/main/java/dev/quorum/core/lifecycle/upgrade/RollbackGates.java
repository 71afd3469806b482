package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rollback swaps binaries back only while the cluster is mixed, only where the old ones were kept, and only while
 * that mix is an upgrade under way: from 3.6 on, a cluster mixed across minors may be a downgrade under way instead,
 * which a rollback would finish rather than undo, so etcd is asked which it is.
 */
final class RollbackGates {
    private RollbackGates() {
    }

    static List<UpgradeRefusal> check(ObservedCluster observed) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        if (!observed.mixed()) {
            String all = observed.lowestVersion().map(EtcdVersion::toString).orElse("one version");
            refusals.add(new UpgradeRefusal(Gate.ROLLBACK, "every member runs " + all + ": the cluster is not mixed, "
                    + "so there is nothing to roll back (once every member is upgraded, the cluster's data moves "
                    + "to the new version and old binaries cannot read it)",
                    "after a completed upgrade: on etcd 3.6+ etcdctl downgrade validate/enable goes back one minor; "
                            + "otherwise restore the snapshot taken before the upgrade (quorum restore)"));
            return refusals;
        }
        EtcdVersion old = observed.lowestVersion().orElseThrow();
        String missing = observed.members().stream()
                .filter(m -> !m.version().map(old::equals).orElse(false))
                .filter(m -> !m.keptVersion().map(old::equals).orElse(false))
                .map(m -> m.memberName() + " on " + m.hostName()).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.ROLLBACK, "no kept " + old + " binaries for " + missing
                    + " (/var/backups/quorum/etcd-" + old + "/)", "set etcd_version to " + old
                    + " and install that release on those hosts by hand, or finish the upgrade"));
        }
        refusals.addAll(downgradeUnderWay(observed, old));
        return refusals;
    }

    private static List<UpgradeRefusal> downgradeUnderWay(ObservedCluster observed, EtcdVersion old) {
        List<ObservedMember> newerMinor = observed.members().stream().filter(m -> m.version()
                .map(v -> !v.sameLine(old) && DowngradeStatus.reportedBy(v)).orElse(false)).toList();
        String unread = DowngradeStatus.unreadOf(newerMinor);
        if (!unread.isEmpty()) {
            return List.of(new UpgradeRefusal(Gate.ROLLBACK, "could not tell an upgrade under way from a downgrade "
                    + "under way: the downgrade state of " + unread + " was not read", "check that the member answers "
                    + "on its client port (etcdctl --endpoints=<it> endpoint status -w json, or etcd's gateway at "
                    + "/v3/maintenance/status), then run quorum upgrade --rollback again"));
        }
        return newerMinor.stream().flatMap(m -> m.downgrade().enabledTarget().stream()).findFirst()
                .map(target -> {
                    EtcdVersion newest = observed.highestVersion().orElseThrow();
                    return List.of(new UpgradeRefusal(Gate.ROLLBACK, "a downgrade to " + target + " is under way "
                            + "(etcd reports it enabled): a rollback would finish it, not undo it", "to finish the "
                            + "downgrade: quorum upgrade --downgrade (etcd_version " + old + "); to go back up: set "
                            + "etcd_version to " + newest + " and run quorum upgrade, which cancels the downgrade "
                            + "first"));
                }).orElse(List.of());
    }
}
