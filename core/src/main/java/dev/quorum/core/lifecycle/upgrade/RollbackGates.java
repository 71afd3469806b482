package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A rollback swaps binaries back only while the cluster is mixed, and only where the old ones were kept. */
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
        return refusals;
    }
}
