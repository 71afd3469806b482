package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which versions may follow which: no downgrade, one minor at a time, and each hop's own rules. */
final class VersionGates {
    /** The etcd docs' minimum 3.5 patch for an upgrade to 3.6 (it rose over time: 3.5.20, 3.5.24, 3.5.26, 3.5.32). */
    static final EtcdVersion MINIMUM_FOR_3_6 = new EtcdVersion(3, 5, 32);

    private VersionGates() {
    }

    static List<UpgradeRefusal> check(ObservedCluster observed, EtcdVersion target, UpgradePath path) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        EtcdVersion lowest = path.from();
        EtcdVersion highest = observed.highestVersion().orElse(lowest);
        if (highest.compareTo(target) > 0) {
            refusals.add(downgrade(observed, target, lowest, highest));
            return refusals;
        }
        if (lowest.major() != target.major()) {
            refusals.add(new UpgradeRefusal(Gate.ONE_MINOR_AT_A_TIME, "etcd_version " + target + " is another major "
                    + "version than the running " + lowest, "Quorum upgrades within etcd 3 only"));
            return refusals;
        }
        if (path.needsSeveralSteps()) {
            String next = lowest.major() + "." + (lowest.minor() + 1);
            refusals.add(new UpgradeRefusal(Gate.ONE_MINOR_AT_A_TIME, "etcd_version " + target + " is "
                    + (path.lines().size() - 1) + " minors ahead of the running " + lowest
                    + "; etcd upgrades one minor at a time: " + path.describe(),
                    "set etcd_version to the newest " + next + " patch (e.g. v" + next + ".x), run quorum upgrade, "
                            + "then set the next minor and run it again"));
            return refusals;
        }
        if (lowest.line().equals("3.4") && target.line().equals("3.5")) {
            authGate(observed).ifPresent(refusals::add);
        }
        if (lowest.line().equals("3.5") && target.line().equals("3.6")) {
            refusals.addAll(to36Gates(observed));
        }
        return refusals;
    }

    private static UpgradeRefusal downgrade(ObservedCluster observed, EtcdVersion target, EtcdVersion lowest,
                                            EtcdVersion highest) {
        String newer = observed.members().stream()
                .filter(m -> m.version().map(v -> v.compareTo(target) > 0).orElse(false))
                .map(m -> m.memberName() + " (" + m.version().orElseThrow() + ")").collect(Collectors.joining(", "));
        if (observed.mixed() && target.equals(lowest)) {
            return new UpgradeRefusal(Gate.DOWNGRADE, "etcd_version " + target + " is older than " + newer
                    + ": upgrade does not downgrade",
                    "while the cluster is mixed, quorum upgrade --rollback puts the kept " + lowest
                            + " binaries back; or set etcd_version to " + highest + " and finish the upgrade");
        }
        String back = (DowngradeGates.offered(observed, target)
                ? "to go back one minor, quorum upgrade --downgrade"
                : "to go back after a completed upgrade, quorum upgrade --downgrade takes a cluster on 3.6 or later "
                + "one minor back") + " (etcd's own etcdctl downgrade validate/enable, then the binaries member by "
                + "member; a snapshot first); or restore a snapshot taken before the upgrade (quorum restore), which "
                + "loses the writes made since";
        return new UpgradeRefusal(Gate.DOWNGRADE, "etcd_version " + target + " is older than what runs: " + newer
                + "; upgrade does not downgrade", "set etcd_version to " + highest + "; " + back);
    }

    private static java.util.Optional<UpgradeRefusal> authGate(ObservedCluster observed) {
        return switch (observed.auth()) {
            case DISABLED -> java.util.Optional.empty();
            case ENABLED -> java.util.Optional.of(new UpgradeRefusal(Gate.AUTH_ENABLED, "authentication is enabled: "
                    + "a 3.4 cluster with auth cannot be rolling-upgraded to 3.5 (the WAL format for auth changed)",
                    "take a snapshot, then either disable auth for the upgrade (etcdctl auth disable, re-enable "
                            + "after) or install a new 3.5 cluster and restore the snapshot into it"));
            case UNKNOWN -> java.util.Optional.of(new UpgradeRefusal(Gate.AUTH_ENABLED, "could not tell whether "
                    + "authentication is enabled; a 3.4 cluster with auth cannot be rolling-upgraded to 3.5",
                    "check with etcdctl.sh --user=probe:x endpoint status on a member (an authentication error "
                            + "means auth is on), then run quorum upgrade again"));
        };
    }

    private static List<UpgradeRefusal> to36Gates(ObservedCluster observed) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        List<ObservedMember> on35 = observed.members().stream()
                .filter(m -> m.version().map(v -> v.line().equals("3.5")).orElse(false)).toList();
        String old = on35.stream().filter(m -> m.version().orElseThrow().compareTo(MINIMUM_FOR_3_6) < 0)
                .map(m -> m.memberName() + " (" + m.version().orElseThrow() + ")").collect(Collectors.joining(", "));
        if (!old.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.MINIMUM_PATCH, "3.5 -> 3.6 needs every member on " + MINIMUM_FOR_3_6
                    + " or later (the etcd docs' minimum, for learner and zombie-member fixes); older: " + old,
                    "first upgrade to the newest 3.5 patch (set etcd_version to v3.5.33 or later, run quorum "
                            + "upgrade), then set v3.6.x and run it again"));
            return refusals;
        }
        String data = names(on35, V2Store.V2_DATA);
        if (!data.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.V2_STORE, "etcdutl check v2store finds custom v2 content on " + data
                    + ": etcd 3.6 refuses to start on it", "move whatever still uses the v2 API (e.g. old flannel) to "
                    + "v3, delete the v2 keys (ETCDCTL_API=2 etcdctl rm), then run quorum upgrade again"));
        }
        String unknown = names(on35, V2Store.UNKNOWN) + names(on35, V2Store.NOT_CHECKED);
        if (!unknown.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.V2_STORE, "could not check the v2 store of " + unknown
                    + " (etcdutl check v2store of 3.5.32 or later)", "quorum upgrade installs etcdutl beside etcd: set "
                    + "etcd_version to the running 3.5 version (no restart) or a newer 3.5 patch, run quorum "
                    + "upgrade, then set 3.6 again"));
        }
        refusals.addAll(removedMarkGates(on35));
        return refusals;
    }

    /** Decision 0067: etcd 3.6 takes a member its v3 store marks removed for a removed peer, and makes it stop. */
    private static List<UpgradeRefusal> removedMarkGates(List<ObservedMember> on35) {
        Map<String, RemovedMarks> marks = new LinkedHashMap<>();
        on35.forEach(m -> marks.put(m.memberName(), m.removedMarks()));
        return removedMarkGates(marks, "3.5 members", "keep the cluster on 3.5 and give it a fresh membership: stop "
                + "its clients, quorum snapshot save, quorum restore --snapshot FILE --roll-back-live-cluster NAME; "
                + "then run quorum upgrade again (docs/guide/upgrade.md)");
    }

    /**
     * The same for any 3.5 members on the hop, by member name: {@code whose} says which ("3.5 members"),
     * {@code freshMembership} how to give them a membership without marks.
     */
    static List<UpgradeRefusal> removedMarkGates(Map<String, RemovedMarks> byMember, String whose,
                                                 String freshMembership) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        String marked = byMember.entrySet().stream().filter(e -> !e.getValue().members().isEmpty())
                .map(e -> "on " + e.getKey() + ": " + String.join(", ", e.getValue().members()))
                .collect(Collectors.joining("; "));
        if (!marked.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.REMOVED_MARKS, "current members are marked removed in the v3 store "
                    + "of " + whose + " (" + marked + "): etcd 3.6 reads membership from there and would refuse them "
                    + "as removed peers. A cluster born on 3.4 gets these marks when it goes to 3.5 without a "
                    + "snapshot while no key has been written", freshMembership));
        }
        String unread = byMember.entrySet().stream().filter(e -> !e.getValue().read()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        if (!unread.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.REMOVED_MARKS, "could not read which members the v3 store of "
                    + unread + " marks removed (grep over DATA_DIR/member/snap/db on its host)", "check that the "
                    + "host answers over SSH and its data dir's member/snap/db is readable, then run quorum upgrade "
                    + "again"));
        }
        return refusals;
    }

    private static String names(List<ObservedMember> members, V2Store state) {
        return members.stream().filter(m -> m.v2Store() == state).map(ObservedMember::memberName)
                .collect(Collectors.joining(", "));
    }
}
