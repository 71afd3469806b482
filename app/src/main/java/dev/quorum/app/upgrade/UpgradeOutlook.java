package dev.quorum.app.upgrade;

import dev.quorum.core.lifecycle.upgrade.ObservedCluster;
import dev.quorum.core.lifecycle.upgrade.ObservedMember;
import dev.quorum.core.lifecycle.upgrade.UpgradeDecision;
import dev.quorum.core.lifecycle.upgrade.UpgradePath;
import dev.quorum.core.lifecycle.upgrade.UpgradePlanner;
import dev.quorum.core.lifecycle.upgrade.UpgradeRefusal;
import dev.quorum.core.lifecycle.upgrade.UpgradeShape;
import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the wizard's pages show, in words, from what core observed and decided: the members' versions,
 * the cluster version, the target and the path, the guards that refuse, or the order of the members.
 *
 * @param current  what runs: "v3.5.33 on every member" or "mixed versions: v3.5.33 (etcd1, etcd2), v3.6.14 (etcd3)"
 * @param target   the inventory's etcd_version
 * @param path     "3.4 -> 3.5 now, then 3.6"; for a rollback, the way back
 * @param refusals every guard that refuses; empty when the upgrade may go on
 * @param plan     what the run will do, when no guard refuses
 * @param blocking why Next is disabled (a guard refuses, or nothing is left to do); empty when it may go on
 * @param downgradeOffered the target is one minor below a cluster on 3.6+: "Downgrade instead" is offered
 */
public record UpgradeOutlook(List<MemberRow> members, String current, String clusterVersion, boolean mixed,
                             String target, String path, List<GuardRow> refusals, String plan, String blocking,
                             boolean downgradeOffered) {
    public UpgradeOutlook {
        members = List.copyOf(members);
        refusals = List.copyOf(refusals);
    }

    public static UpgradeOutlook of(ObservedCluster observed, Optional<EtcdVersion> clusterVersion, EtcdVersion target,
                                    UpgradeDecision decision) {
        List<MemberRow> rows = observed.members().stream().map(MemberRow::of).toList();
        String cluster = clusterVersion.map(EtcdVersion::line).orElse("unknown");
        String path = decision instanceof UpgradeDecision.Proceed proceed ? proceed.shape().path().describe()
                : observed.lowestVersion().map(lowest -> UpgradePath.of(lowest, target).describe()).orElse("unknown");
        boolean downgradeOffered = UpgradePlanner.downgradeOffered(observed, target);
        if (decision instanceof UpgradeDecision.Refused refused) {
            return refused(observed, cluster, target, path, refused.refusals()).offeringDowngrade(downgradeOffered);
        }
        UpgradeShape shape = ((UpgradeDecision.Proceed) decision).shape();
        String blocking = shape.nothingToDo() ? "Every member already runs " + shape.target() + ": nothing to "
                + (shape.rollback() ? "roll back" : shape.downgrade() ? "downgrade" : "upgrade") + "." : "";
        return new UpgradeOutlook(rows, current(observed), cluster, observed.mixed(), target.toString(), path,
                List.of(), shape.nothingToDo() ? "" : plan(shape, observed), blocking, downgradeOffered);
    }

    UpgradeOutlook offeringDowngrade(boolean offered) {
        return new UpgradeOutlook(members, current, clusterVersion, mixed, target, path, refusals, plan, blocking,
                offered);
    }

    /** The outlook when a guard refuses: every refusal, Next disabled. */
    static UpgradeOutlook refused(ObservedCluster observed, String cluster, EtcdVersion target, String path,
                                  List<UpgradeRefusal> refused) {
        List<GuardRow> refusals = refused.stream().map(GuardRow::of).toList();
        String blocking = refusals.size() == 1 ? "A guard refuses: " + refusals.get(0).guard() + "."
                : refusals.size() + " guards refuse: " + refusals.stream().map(GuardRow::guard)
                .collect(Collectors.joining(", ")) + ".";
        return new UpgradeOutlook(observed.members().stream().map(MemberRow::of).toList(), current(observed), cluster,
                observed.mixed(), target.toString(), path, refusals, "", blocking + " Nothing was changed.", false);
    }

    public boolean allowed() {
        return blocking.isEmpty();
    }

    static String current(ObservedCluster observed) {
        List<EtcdVersion> versions = observed.members().stream().flatMap(m -> m.version().stream()).distinct()
                .sorted().toList();
        if (versions.isEmpty()) {
            return "unknown: no member reported its version";
        }
        if (versions.size() == 1) {
            boolean all = observed.members().stream().allMatch(m -> m.version().isPresent());
            return versions.get(0) + (all ? " on every member" : " on every member that answered");
        }
        return "mixed versions: " + versions.stream().map(v -> v + " (" + observed.members().stream()
                .filter(m -> m.version().filter(v::equals).isPresent()).map(ObservedMember::memberName)
                .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", "));
    }

    private static String plan(UpgradeShape shape, ObservedCluster observed) {
        String verb = shape.rollback() ? "Roll back to " : shape.downgrade() ? "Downgrade to " : "Upgrade to ";
        String first = shape.downgrade() ? " A verified snapshot comes first, then etcd's downgrade is enabled (the "
                + "cluster speaks " + shape.target().line() + " from then on; etcdctl downgrade cancel undoes it while "
                + "a member is still newer);" : " A verified snapshot comes first;";
        String order = shape.order().stream().map(host -> host + (shape.pending().contains(host) ? "" : " (done)")
                + (isLeader(observed, host) ? " (leader, last)" : "")).collect(Collectors.joining(", "));
        String workaround = shape.v2WalWorkaround().isEmpty() ? "" : " First, on " + String.join(", ",
                shape.v2WalWorkaround()) + ", a restart with ETCD_SNAPSHOT_COUNT=1 clears the v2 records from the WAL.";
        return verb + shape.target() + ", one member at a time, followers first: " + order + "." + first
                + " each member is healthy on " + shape.target() + " and caught up before the next." + workaround;
    }

    static boolean isLeader(ObservedCluster observed, String host) {
        return observed.members().stream().anyMatch(m -> m.hostName().equals(host) && m.leader());
    }
}
