package dev.quorum.app.upgrade;

import dev.quorum.core.lifecycle.upgrade.ObservedCluster;
import dev.quorum.core.lifecycle.upgrade.ObservedMember;
import dev.quorum.core.lifecycle.upgrade.UpgradeRefusal;
import dev.quorum.core.release.EtcdVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pages' words for the events cluster, as {@code quorum upgrade --cluster events} decides (decision 0043): its
 * members run the main cluster's binary, so its upgrade is a restart of each onto that binary, guarded by the main
 * cluster and the binary on the hosts being the target already.
 */
final class EventsUpgradeOutlook {
    private EventsUpgradeOutlook() {
    }

    /** @param refusals what {@code EventsUpgradePlans}' guard decides now; empty when the events cluster may follow */
    static UpgradeOutlook of(ObservedCluster observed, Optional<EtcdVersion> clusterVersion, EtcdVersion target,
                             List<UpgradeRefusal> refusals) {
        String cluster = clusterVersion.map(EtcdVersion::line).orElse("unknown");
        String path = observed.lowestVersion().map(lowest -> lowest + " -> " + target
                + " by restarting onto the main cluster's binary").orElse("unknown");
        if (!refusals.isEmpty()) {
            return UpgradeOutlook.refused(observed, cluster, target, path, refusals);
        }
        boolean done = observed.members().stream().allMatch(m -> m.version().filter(target::equals).isPresent());
        String order = observed.members().stream().sorted(Comparator.comparing(ObservedMember::leader))
                .map(m -> m.hostName() + (m.version().filter(target::equals).isPresent() ? " (done)" : "")
                        + (m.leader() ? " (leader, last)" : "")).collect(Collectors.joining(", "));
        return new UpgradeOutlook(observed.members().stream().map(MemberRow::of).toList(),
                UpgradeOutlook.current(observed), cluster, observed.mixed(), target.toString(), path, List.of(),
                done ? "" : "Restart each events member onto etcd " + target + ", the binary the main cluster runs, "
                        + "one at a time, followers first: " + order + ". A verified snapshot of the events cluster "
                        + "comes first; each member is healthy on " + target + " before the next.",
                done ? "Every events member already runs " + target + ": nothing to upgrade." : "", false);
    }
}
