package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One member as the upgrade's guards see it, from its own status (etcd) and its host (SSH).
 *
 * @param unreachable    why its client port or its host did not answer; empty when both did
 * @param version        the version the member reports ({@code EndpointStatus.version()})
 * @param healthy        answers with a leader and no errors
 * @param leader         it leads now
 * @param raftIndex      its raft index
 * @param dbSizeBytes    its backend file's size
 * @param hostFreeKiB    free space for the binaries (bin_dir, /var/backups) on its host; empty when unknown
 * @param dataFreeKiB    free space where its data dir lives; empty when unknown
 * @param v2Store        {@code etcdutl check v2store} on this member (3.5 -> 3.6 only)
 * @param keptVersion    the old release kept on the host for a rollback ({@code /var/backups/quorum/etcd-vX.Y.Z}),
 *                       the newest one older than the running one; empty when none
 * @param removedMarks   the current members its v3 store marks removed (3.5 -> 3.6 only; decision 0067)
 * @param downgrade      its storage version and the downgrade enabled (a downgrade's members on the newer minor only)
 */
public record ObservedMember(String hostName, String memberName, Optional<String> unreachable,
                             Optional<EtcdVersion> version, boolean healthy, boolean leader, long raftIndex,
                             long dbSizeBytes, OptionalLong hostFreeKiB, OptionalLong dataFreeKiB, V2Store v2Store,
                             Optional<EtcdVersion> keptVersion, RemovedMarks removedMarks,
                             DowngradeStatus downgrade) {

    /** A member observed for an upgrade or a rollback: its downgrade state not asked. */
    public ObservedMember(String hostName, String memberName, Optional<String> unreachable,
                          Optional<EtcdVersion> version, boolean healthy, boolean leader, long raftIndex,
                          long dbSizeBytes, OptionalLong hostFreeKiB, OptionalLong dataFreeKiB, V2Store v2Store,
                          Optional<EtcdVersion> keptVersion, RemovedMarks removedMarks) {
        this(hostName, memberName, unreachable, version, healthy, leader, raftIndex, dbSizeBytes, hostFreeKiB,
                dataFreeKiB, v2Store, keptVersion, removedMarks, DowngradeStatus.NOT_READ);
    }

    public boolean reachable() {
        return unreachable.isEmpty();
    }
}
