package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A member's entry in etcd's member list, the way every member change finds it: by its peer URL, since a member
 * added but not started yet has no name in the list.
 */
final class MemberListing {
    private static final long LIST_SECONDS = 10;

    private MemberListing() {
    }

    /** The member list as etcd gives it now, through the session's shared client (10 s at most). */
    static List<MemberInfo> read(ClusterSession cluster) throws Exception {
        return cluster.sharedEtcd().members().get(LIST_SECONDS, TimeUnit.SECONDS);
    }

    /** {@code member}'s entry in the member list read now, if it is listed. */
    static Optional<MemberInfo> entry(ClusterSession cluster, EtcdMember member) throws Exception {
        return entry(read(cluster), member);
    }

    /** {@code member}'s entry in {@code list}, if it is listed. */
    static Optional<MemberInfo> entry(List<MemberInfo> list, EtcdMember member) {
        return list.stream().filter(i -> i.peerUrls().contains(member.peerUrl())).findFirst();
    }
}
