package dev.quorum.core.cluster;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code quorum snapshot save}: a snapshot streamed from one healthy member (a follower if there
 * is one, so the leader is spared the work) to the workstation's store or a chosen file.
 */
public final class ClusterSnapshots {

    private ClusterSnapshots() {
    }

    public static SnapshotStore store(ClusterSession session) {
        return new SnapshotStore(session.home().snapshots(session.inventory().clusterName()));
    }

    public static SnapshotInfo save(ClusterSession session, String reason, Optional<Path> output) throws Exception {
        LiveCluster live = LiveCluster.read(session);
        ClusterStatus status = live.probe(session);
        if (!status.quorum()) {
            throw new ClusterUnavailableException("cluster " + session.inventory().clusterName()
                    + " has no quorum (" + status.sentence() + "): no member can vouch that its data is current",
                    "wait for quorum to come back (quorum status); if it is lost for good, restore from an earlier "
                            + "snapshot, or from a survivor's data: quorum restore -i INVENTORY --from-survivor HOST");
        }
        MemberStatus source = status.members().stream().filter(MemberStatus::healthy)
                .min(Comparator.comparing((MemberStatus m) -> m.status().map(EndpointStatus::isLeader).orElse(true)))
                .orElseThrow(() -> new ClusterUnavailableException("no healthy member to take a snapshot from: "
                        + status.sentence(), "check the members with quorum status"));
        EtcdMember member = live.members().stream().filter(m -> m.clientUrl().equals(source.endpoint()))
                .findFirst().orElseThrow();
        String version = source.status().map(EndpointStatus::version).orElse("unknown");
        List<String> names = status.memberList().stream().map(MemberInfo::name).toList();
        try (EtcdAdmin admin = session.etcd(List.of(member))) {
            String why = reason + " (from " + member.memberName() + ")";
            return output.isPresent()
                    ? SnapshotStore.saveTo(admin, output.get(), why, version, names)
                    : store(session).save(admin, why, version, names);
        }
    }
}
