package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Gives a joining member the one committed entry it waits for after the leader's snapshot. etcd applies a snapshot
 * without moving the applied index its proposal gate reads, so a member that joined a cluster with more than 5000
 * entries in its log refuses its own start-up proposal ("too many requests") until one more entry is committed; in a
 * cluster nobody writes to, none comes, and the member never becomes ready (measured on 3.6.14: a learner stuck for
 * minutes, then ready within a second of one write). {@code etcdctl alarm list} is such an entry that changes nothing:
 * etcd commits every alarm request through raft. A member that restarts with its data does not need it: it proposes
 * before the snapshot arrives (measured: recover's start of a member that was down for 8000 writes, active in 0.6 s),
 * where a new member's first one can be lost while it re-adds its peers from the snapshot (it timed out after 9 s in
 * the stuck join whose whole log was read), and every retry then meets the gate.
 */
final class SnapshotApplyNudge {
    private static final Duration EVERY = Duration.ofSeconds(10);
    private static final long CALL_SECONDS = 5;

    private final ClusterSession cluster;
    private Instant last = Instant.MIN;
    private boolean said;

    SnapshotApplyNudge(ClusterSession cluster) {
        this.cluster = cluster;
    }

    /** The shell command that prints the newest such refusal among the unit's last log lines, if any. */
    static String journalCommand(String unit) {
        return "journalctl -u " + unit + " -n 20 --no-pager 2>/dev/null | grep -F 'too many requests' | tail -n 1";
    }

    /** True when the member's newest log lines say it is refusing its own proposals for an apply gap. */
    static boolean waitsForAnEntry(String sample) {
        return sample.contains("too many requests");
    }

    /** Commits one entry that changes nothing, at most every 10 s; a cluster that does not answer is only noted. */
    void nudge(StepContext context) {
        Instant now = Instant.now();
        if (now.isBefore(last.plus(EVERY))) {
            return;
        }
        last = now;
        if (!said) {
            context.info("etcd on " + context.target() + " refuses its own start-up request until one more entry is "
                    + "committed after the leader's snapshot: asking the cluster for its alarm list, an entry that "
                    + "changes nothing");
            said = true;
        }
        try {
            cluster.sharedEtcd().alarmList().get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            context.info("the cluster did not answer the alarm list (" + e.getClass().getSimpleName() + "): waiting on");
        }
    }
}
