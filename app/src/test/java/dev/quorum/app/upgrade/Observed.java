package dev.quorum.app.upgrade;

import dev.quorum.core.lifecycle.upgrade.AuthState;
import dev.quorum.core.lifecycle.upgrade.DowngradeStatus;
import dev.quorum.core.lifecycle.upgrade.ObservedCluster;
import dev.quorum.core.lifecycle.upgrade.ObservedMember;
import dev.quorum.core.lifecycle.upgrade.RemovedMarks;
import dev.quorum.core.lifecycle.upgrade.UpgradeDecision;
import dev.quorum.core.lifecycle.upgrade.UpgradePlanner;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import dev.quorum.core.lifecycle.upgrade.V2Store;
import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Clusters as core's upgrade observer would report them, for unit tests of the wizard's models; the
 * decision is always core's own planner's.
 */
final class Observed {
    private Observed() {
    }

    /**
     * Healthy members etcd1..N on lab1..N, the first the leader, on these versions ("3.5.33"), room on disk; each one on
     * 3.6 or later answering its own etcdctl with no downgrade enabled and its storage on the lowest minor, as the
     * observer reports them for a rollback (which tells an upgrade under way from a downgrade by that).
     */
    static ObservedCluster members(String... versions) {
        List<ObservedMember> members = new ArrayList<>();
        String storage = Arrays.stream(versions).map(EtcdVersion::parse).min(EtcdVersion::compareTo)
                .orElseThrow().line() + ".0";
        for (int i = 0; i < versions.length; i++) {
            EtcdVersion version = EtcdVersion.parse(versions[i]);
            members.add(new ObservedMember("lab" + (i + 1), "etcd" + (i + 1), Optional.empty(), Optional.of(version),
                    true, i == 0, 100, 1024 * 1024, OptionalLong.of(4L * 1024 * 1024), OptionalLong.of(4L * 1024 * 1024),
                    version.line().equals("3.5") ? V2Store.CLEAN : V2Store.NOT_CHECKED,
                    i == 2 && versions.length > 2 && !versions[2].equals(versions[0])
                            ? Optional.of(EtcdVersion.parse(versions[0])) : Optional.empty(),
                    new RemovedMarks(true, List.of()), version.compareTo(EtcdVersion.parse("3.6.0")) >= 0
                            ? new DowngradeStatus(true, storage, Optional.empty(), "") : DowngradeStatus.NOT_READ));
        }
        return new ObservedCluster(members, List.of(), List.of(), AuthState.DISABLED, 10L * 1024 * 1024 * 1024);
    }

    /** As {@link #members}, each member answering its own etcdctl with {@code storage} and no downgrade enabled. */
    static ObservedCluster readyToDowngrade(String storage, String... versions) {
        ObservedCluster all = members(versions);
        List<ObservedMember> members = all.members().stream().map(m -> new ObservedMember(m.hostName(),
                m.memberName(), m.unreachable(), m.version(), m.healthy(), m.leader(), m.raftIndex(), m.dbSizeBytes(),
                m.hostFreeKiB(), m.dataFreeKiB(), m.v2Store(), m.keptVersion(), m.removedMarks(),
                new DowngradeStatus(true, storage, Optional.empty(), ""))).toList();
        return new ObservedCluster(members, List.of(), List.of(), AuthState.DISABLED, all.workstationFreeBytes());
    }

    /** As {@link #members}, the last member's host not answering. */
    static ObservedCluster lastUnreachable(String... versions) {
        ObservedCluster all = members(versions);
        List<ObservedMember> members = new ArrayList<>(all.members());
        ObservedMember last = members.remove(members.size() - 1);
        members.add(new ObservedMember(last.hostName(), last.memberName(), Optional.of("no answer in time"),
                Optional.empty(), false, false, 0, 0, OptionalLong.empty(), OptionalLong.empty(), V2Store.UNKNOWN,
                Optional.empty(), RemovedMarks.NOT_READ));
        return new ObservedCluster(members, List.of(), List.of(), AuthState.DISABLED, all.workstationFreeBytes());
    }

    static UpgradeOutlook outlook(ObservedCluster observed, String cluster, String target, UpgradeRequest request) {
        EtcdVersion to = EtcdVersion.parse(target);
        UpgradeDecision decision = UpgradePlanner.decide(observed, to, request);
        return UpgradeOutlook.of(observed, Optional.ofNullable(cluster).map(EtcdVersion::parse), to, decision);
    }

    static UpgradeOutlook outlook(ObservedCluster observed, String cluster, String target) {
        return outlook(observed, cluster, target, UpgradeRequest.upgrade());
    }
}
