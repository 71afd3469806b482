package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.MemberStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hands leadership to a healthy follower before a leader is stopped or removed: otherwise the
 * cluster waits about an election timeout (5 s or more) without a leader.
 */
public final class Leadership {
    private Leadership() {
    }

    public static void moveAway(LifecycleSession session, StepContext context, ClusterStatus status, String host)
            throws Exception {
        MemberStatus successor = status.members().stream()
                .filter(m -> !m.hostName().equals(host) && m.healthy())
                .filter(m -> !m.status().orElseThrow().learner())
                .findFirst()
                .orElseThrow(() -> new StepFailedException("no healthy follower to hand leadership to from " + host,
                        "bring the other members back first"));
        String endpoint = status.members().stream().filter(m -> m.hostName().equals(host)).findFirst()
                .orElseThrow().endpoint();
        context.info("moving leadership from " + host + " to " + successor.memberName()
                + "   # etcdctl --endpoints=" + endpoint + " move-leader "
                + Long.toHexString(successor.status().orElseThrow().memberId()));
        try (EtcdAdmin admin = session.cluster().etcdAt(List.of(endpoint))) {
            admin.moveLeader(successor.status().orElseThrow().memberId()).get(10, TimeUnit.SECONDS);
        }
    }
}
