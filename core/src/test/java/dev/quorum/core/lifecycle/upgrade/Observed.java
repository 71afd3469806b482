package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Observed clusters for the planner's tests: healthy members with room to spare unless a test says otherwise. */
final class Observed {
    static final long GIB_KIB = 1024L * 1024;

    private final List<ObservedMember> members = new ArrayList<>();
    private final List<String> alarms = new ArrayList<>();
    private AuthState auth = AuthState.DISABLED;
    private long workstationFree = 10L * 1024 * 1024 * 1024;

    static Observed cluster() {
        return new Observed();
    }

    static ObservedMember member(String host, String version, boolean leader) {
        return new ObservedMember(host, "etcd-" + host, Optional.empty(), Optional.of(EtcdVersion.parse(version)), true,
                leader, 100, 20L * 1024 * 1024, OptionalLong.of(GIB_KIB), OptionalLong.of(GIB_KIB), V2Store.CLEAN,
                Optional.empty(), new RemovedMarks(true, List.of()));
    }

    Observed with(ObservedMember member) {
        members.add(member);
        return this;
    }

    /** Three members on one version, h2 leading. */
    Observed three(String version) {
        return with(member("h1", version, false)).with(member("h2", version, true)).with(member("h3", version, false));
    }

    Observed alarm(String alarm) {
        alarms.add(alarm);
        return this;
    }

    Observed auth(AuthState state) {
        auth = state;
        return this;
    }

    Observed workstationFree(long bytes) {
        workstationFree = bytes;
        return this;
    }

    /** Replaces member {@code host} by what {@code change} makes of it. */
    Observed change(String host, java.util.function.UnaryOperator<ObservedMember> change) {
        members.replaceAll(m -> m.hostName().equals(host) ? change.apply(m) : m);
        return this;
    }

    ObservedCluster build() {
        return new ObservedCluster(members, List.of(), alarms, auth, workstationFree);
    }

    static ObservedMember v2(ObservedMember m, V2Store state) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), m.version(), m.healthy(), m.leader(),
                m.raftIndex(), m.dbSizeBytes(), m.hostFreeKiB(), m.dataFreeKiB(), state, m.keptVersion(), m.removedMarks(),
                m.downgrade());
    }

    static ObservedMember marks(ObservedMember m, RemovedMarks marks) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), m.version(), m.healthy(), m.leader(),
                m.raftIndex(), m.dbSizeBytes(), m.hostFreeKiB(), m.dataFreeKiB(), m.v2Store(), m.keptVersion(), marks,
                m.downgrade());
    }

    static ObservedMember version(ObservedMember m, String version) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), Optional.of(EtcdVersion.parse(version)),
                m.healthy(), m.leader(), m.raftIndex(), m.dbSizeBytes(), m.hostFreeKiB(), m.dataFreeKiB(), m.v2Store(),
                m.keptVersion(), m.removedMarks(), m.downgrade());
    }

    static ObservedMember kept(ObservedMember m, String version) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), m.version(), m.healthy(), m.leader(),
                m.raftIndex(), m.dbSizeBytes(), m.hostFreeKiB(), m.dataFreeKiB(), m.v2Store(),
                Optional.of(EtcdVersion.parse(version)), m.removedMarks(), m.downgrade());
    }

    static ObservedMember downgrade(ObservedMember m, DowngradeStatus status) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), m.version(), m.healthy(), m.leader(),
                m.raftIndex(), m.dbSizeBytes(), m.hostFreeKiB(), m.dataFreeKiB(), m.v2Store(), m.keptVersion(),
                m.removedMarks(), status);
    }

    static ObservedMember unreachable(ObservedMember m, String why) {
        return new ObservedMember(m.hostName(), m.memberName(), Optional.of(why), Optional.empty(), false, false, 0,
                m.dbSizeBytes(), OptionalLong.empty(), OptionalLong.empty(), V2Store.UNKNOWN, Optional.empty(),
                RemovedMarks.NOT_READ);
    }

    static ObservedMember unhealthy(ObservedMember m) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), m.version(), false, m.leader(),
                m.raftIndex(), m.dbSizeBytes(), m.hostFreeKiB(), m.dataFreeKiB(), m.v2Store(), m.keptVersion(),
                m.removedMarks(), m.downgrade());
    }

    static ObservedMember free(ObservedMember m, long hostKiB, long dataKiB) {
        return new ObservedMember(m.hostName(), m.memberName(), m.unreachable(), m.version(), m.healthy(), m.leader(),
                m.raftIndex(), m.dbSizeBytes(), OptionalLong.of(hostKiB), OptionalLong.of(dataKiB), m.v2Store(),
                m.keptVersion(), m.removedMarks(), m.downgrade());
    }
}
