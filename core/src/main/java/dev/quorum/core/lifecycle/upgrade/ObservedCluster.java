package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as observed before an upgrade: what the pure {@link UpgradePlanner} decides from.
 *
 * @param members              every member the cluster lists that is on an inventory host
 * @param unlisted             member names the cluster lists that are not on an inventory host
 * @param alarms               raised alarms, in words
 * @param auth                 whether authentication is enabled
 * @param workstationFreeBytes free space where this workstation keeps snapshots
 */
public record ObservedCluster(List<ObservedMember> members, List<String> unlisted, List<String> alarms, AuthState auth,
                              long workstationFreeBytes) {
    public ObservedCluster {
        members = List.copyOf(members);
        unlisted = List.copyOf(unlisted);
        alarms = List.copyOf(alarms);
    }

    /** The lowest version a member reports: what the cluster runs until every member is upgraded. */
    public Optional<EtcdVersion> lowestVersion() {
        return members.stream().flatMap(m -> m.version().stream()).min(EtcdVersion::compareTo);
    }

    public Optional<EtcdVersion> highestVersion() {
        return members.stream().flatMap(m -> m.version().stream()).max(EtcdVersion::compareTo);
    }

    /** Members on more than one version: an upgrade under way. */
    public boolean mixed() {
        return members.stream().flatMap(m -> m.version().stream()).distinct().count() > 1;
    }
}
