package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The member a plan takes out, when its etcd endpoint gave no answer earlier in this command (the
 * read the plan was built on, or a probe since): the guards and the leadership check leave it out of
 * their probes instead of waiting for it again (decision 0040). Leaving it out is the cautious
 * reading: it counts as not healthy, so the quorum the change relies on must be positively confirmed
 * among the other members; a member that answers again is probed as usual.
 */
final class SilentLeaving {
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(4);

    private SilentLeaving() {
    }

    static boolean silent(ClusterSession cluster, EtcdMember leaving) {
        return cluster.silentEndpoints().isSilent(leaving.clientUrl());
    }

    /**
     * The live member list: read from the members that stay (the session's shared client points at
     * them during a member change) when {@code leaving} is silent, else as every command reads it.
     */
    static LiveCluster read(ClusterSession cluster, EtcdMember leaving, StepContext context) throws Exception {
        if (!silent(cluster, leaving)) {
            return LiveCluster.read(cluster);
        }
        context.info(leaving.memberName() + " (" + leaving.clientUrl() + ") gave no answer earlier in this run: "
                + "not waiting for it again; it counts as not healthy, so the other members must make the quorum");
        try {
            return LiveCluster.of(cluster.inventory(),
                    cluster.sharedEtcd().members().get(LIST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new StepFailedException("cannot read the member list from the members that stay: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; without it nothing is known about their quorum",
                    "check `quorum status`; the change needs the other members to answer");
        }
    }

    /** The same member list, probed without {@code leaving} when it is silent. */
    static LiveCluster probed(ClusterSession cluster, LiveCluster live, EtcdMember leaving) {
        if (!silent(cluster, leaving)) {
            return live;
        }
        List<EtcdMember> others = live.members().stream().filter(m -> !m.peerUrl().equals(leaving.peerUrl())).toList();
        return new LiveCluster(live.list(), others);
    }

    /**
     * The probed status with a silent {@code leaving} member put back as not answering, so what the guard says
     * ("3/4 healthy") counts every voting member, as its arithmetic does.
     */
    static ClusterStatus counted(ClusterSession cluster, ClusterStatus status, EtcdMember leaving) {
        boolean present = status.members().stream().anyMatch(m -> m.endpoint().equals(leaving.clientUrl()));
        if (!silent(cluster, leaving) || present) {
            return status;
        }
        List<MemberStatus> members = new ArrayList<>(status.members());
        members.add(new MemberStatus(leaving.hostName(), leaving.memberName(), leaving.clientUrl(), Optional.empty(),
                "gave no answer earlier in this run"));
        return new ClusterStatus(members, status.memberList(), status.alarms(), status.quorum(), status.quorumError(),
                status.clusterVersion());
    }
}
