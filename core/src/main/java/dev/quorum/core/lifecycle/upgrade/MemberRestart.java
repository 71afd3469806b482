package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.Leadership;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Restarts one member on the binaries now in bin_dir: leadership handed on first if it leads, then back only when
 * it reports the expected version, has a leader and its raft index reached the leader's, and the whole cluster is
 * healthy: only then may the next member go.
 */
final class MemberRestart {
    private static final long STATUS_SECONDS = 3;
    private static final Duration POLL = Duration.ofMillis(200);

    private MemberRestart() {
    }

    static EndpointStatus status(LifecycleSession session, EtcdMember member) throws Exception {
        return session.cluster().sharedEtcd().status(member.clientUrl()).get(STATUS_SECONDS, TimeUnit.SECONDS);
    }

    /** The version the member reports; an unreachable member is unknown, never "not upgraded". */
    static EtcdVersion runningVersion(LifecycleSession session, EtcdMember member) throws StepFailedException {
        try {
            String reported = status(session, member).version();
            return EtcdVersion.tryParse(reported).orElseThrow(() -> new StepFailedException(member.memberName()
                    + " reports no version (\"" + reported + "\")", "check quorum status"));
        } catch (StepFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailedException("cannot read the version of " + member.memberName() + " at "
                    + member.clientUrl() + ": " + e.getMessage(), "make it reachable, then run the same command again");
        }
    }

    /**
     * The check of every step that restarts a member onto one version (upgrade, rollback, the events restart): done
     * where the member reports that version already, as a run cut off earlier may have left it; else needed.
     *
     * @param stillNeeded said after the version it runs when the restart is needed ("" for nothing)
     */
    static Check onVersion(LifecycleSession session, EtcdMember member, EtcdVersion expected, String stillNeeded)
            throws StepFailedException {
        EtcdVersion running = runningVersion(session, member);
        return running.equals(expected) ? Check.done(member.memberName() + " runs " + expected)
                : Check.needed(member.memberName() + " runs " + running + stillNeeded);
    }

    static void restart(LifecycleSession session, StepContext context, EtcdMember member, EtcdVersion expected)
            throws Exception {
        ClusterStatus now = HealthWait.probe(session);
        boolean leads = now.leader().map(l -> l.hostName().equals(member.hostName())).orElse(false);
        if (leads && session.members().size() > 1) {
            Leadership.moveAway(session, context, now, member.hostName());
        }
        String unit = session.settings().layout().unitName();
        context.info("restarting " + unit + " on " + member.hostName() + "   # systemctl restart " + unit);
        session.remote(member.hostName()).run("systemctl restart " + unit).requireOk("restart " + unit + " on "
                + member.hostName());
        EndpointStatus back = awaitVersion(session, context, member, expected);
        awaitCaughtUp(session, context, member, back);
        HealthWait.await(session, context);
        session.restarted(member.hostName());
    }

    private static EndpointStatus awaitVersion(LifecycleSession session, StepContext context, EtcdMember member,
                                               EtcdVersion expected) throws Exception {
        Instant deadline = Instant.now().plus(session.healthTimeout());
        String last = "";
        while (true) {
            try {
                EndpointStatus now = status(session, member);
                if (now.hasLeader() && EtcdVersion.tryParse(now.version()).map(expected::equals).orElse(false)) {
                    context.info(member.memberName() + " is back on " + expected + " with a leader");
                    return now;
                }
                last = "reports " + now.version() + (now.hasLeader() ? "" : ", no leader");
            } catch (Exception e) {
                last = String.valueOf(e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailedException(member.memberName() + " did not come back on " + expected + " within "
                        + session.healthTimeout().toSeconds() + " s (" + last + ")", "look at journalctl -u "
                        + session.settings().layout().unitName() + " on " + member.hostName() + "; the members after it were not touched; quorum upgrade --rollback "
                        + "puts the kept old binaries back");
            }
            context.cancellation().sleep(POLL);
        }
    }

    /** Its raft index at least the leader's index read after it came back: it has what the leader had then. */
    private static void awaitCaughtUp(LifecycleSession session, StepContext context, EtcdMember member,
                                      EndpointStatus back) throws Exception {
        Optional<MemberStatus> leader = HealthWait.probe(session).leader();
        if (leader.isEmpty()) {
            return; // HealthWait.await below waits for a leader and says why not
        }
        long leaderIndex = leader.get().status().orElseThrow().raftIndex();
        Instant deadline = Instant.now().plus(session.healthTimeout());
        long index = back.raftIndex();
        while (index < leaderIndex) {
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailedException(member.memberName() + " did not catch up with the leader within "
                        + session.healthTimeout().toSeconds() + " s (raft index " + index + " of " + leaderIndex + ")",
                        "look at journalctl -u " + session.settings().layout().unitName() + " on "
                                + member.hostName() + ", then run the same command again");
            }
            context.cancellation().sleep(POLL);
            index = status(session, member).raftIndex();
        }
        context.info(member.memberName() + " caught up: raft index " + index + " (leader's was " + leaderIndex + ")");
    }
}
