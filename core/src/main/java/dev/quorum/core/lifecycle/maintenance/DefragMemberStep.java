package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.Leadership;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Defragments one member when its file holds enough free pages, then waits until it answers with
 * a leader again: the member serves nothing while it rewrites its file, so the plan does one
 * member at a time and the next starts only once this one is back.
 */
final class DefragMemberStep extends HostStep {
    private static final long STATUS_SECONDS = 5;
    /** Rewriting a file of a few GiB takes minutes on a slow disk. */
    private static final long DEFRAG_SECONDS = 600;
    private static final Duration POLL = Duration.ofMillis(300);
    /**
     * A freshly written bbolt file keeps a few free pages (a tiny database stays at 20 KiB with 12 KiB in use after a
     * successful defragmentation): only this much still free after etcd reported success means it did not work.
     */
    private static final long FREE_AFTER_A_FAILED_DEFRAG = 1024 * 1024;

    private final String memberName;
    private final DefragRequest request;
    private final boolean leaderAtPlanTime;
    private final BooleanSupplier compactedInThisRun;
    private volatile EndpointStatus before;

    /**
     * @param compactedInThisRun the plan compacted just before: the pages that freed are counted in
     *                           etcd's in-use size only after later backend commits (writes), so
     *                           the threshold cannot be trusted and every member is defragmented
     */
    DefragMemberStep(LifecycleSession session, String memberName, DefragRequest request, boolean leaderAtPlanTime,
                     BooleanSupplier compactedInThisRun) {
        super(session);
        this.memberName = memberName;
        this.request = request;
        this.leaderAtPlanTime = leaderAtPlanTime;
        this.compactedInThisRun = compactedInThisRun;
    }

    @Override
    public String title() {
        return "Defragment " + memberName + (leaderAtPlanTime ? " (the leader, last)" : " (a follower)");
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl --endpoints=" + session.member(target).clientUrl() + " defrag   # if at least "
                + Bytes.human(request.minReclaimBytes()) + " can be reclaimed");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        EndpointStatus now = status(member(context));
        String sizes = "db " + Bytes.human(now.dbSize()) + ", in use " + Bytes.human(now.dbSizeInUse());
        if (!request.worthIt(now.dbSize(), now.dbSizeInUse()) && compactedInThisRun.getAsBoolean()) {
            return Check.needed("the compaction just freed pages that etcd counts as free only after its next "
                    + "writes: " + sizes);
        }
        if (!request.worthIt(now.dbSize(), now.dbSizeInUse())) {
            return Check.done("nothing to reclaim: " + sizes + " (defragments from "
                    + Bytes.human(request.minReclaimBytes()) + " free)");
        }
        return Check.needed(Bytes.human(now.dbSize() - now.dbSizeInUse()) + " to reclaim: " + sizes);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        before = status(member);
        if (before.isLeader() && !leaderAtPlanTime) {
            handOverLeadership(context, member);
        }
        context.info("defragmenting " + member.memberName() + " (" + Bytes.human(before.dbSize()) + ")   # etcdctl "
                + "--endpoints=" + member.clientUrl() + " defrag");
        session.cluster().sharedEtcd().defragment(member.clientUrl()).get(DEFRAG_SECONDS, TimeUnit.SECONDS);
        EndpointStatus after = awaitLeader(context, member);
        context.info(member.memberName() + ": db " + Bytes.human(before.dbSize()) + " -> " + Bytes.human(after.dbSize())
                + " (in use " + Bytes.human(after.dbSizeInUse()) + ")");
    }

    /**
     * Leadership moved to this member after the plan was made, and others are still to come: the
     * leader goes last, so hand leadership on first. Under NOSPACE no member counts as healthy for
     * the hand-over; then it is defragmented as it is.
     */
    private void handOverLeadership(StepContext context, EtcdMember member) throws Exception {
        try {
            Leadership.moveAway(session, context, HealthWait.probe(session), member.hostName());
        } catch (StepFailedException e) {
            context.warn(member.memberName() + " leads now and cannot hand leadership over (" + e.getMessage()
                    + "); defragmenting it anyway");
        }
    }

    /** Back with a leader: only then may the next member go. */
    private EndpointStatus awaitLeader(StepContext context, EtcdMember member) throws Exception {
        Instant deadline = Instant.now().plus(session.healthTimeout());
        String last = "";
        while (true) {
            try {
                EndpointStatus now = status(member);
                if (now.hasLeader()) {
                    return now;
                }
                last = "no leader";
            } catch (Exception e) {
                last = String.valueOf(e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailedException(member.memberName() + " did not answer with a leader within "
                        + session.healthTimeout().toSeconds() + " s after its defragmentation (" + last + ")",
                        "look at journalctl -u " + session.settings().layout().unitName() + " on " + member.hostName()
                                + "; the other members were not touched");
            }
            context.cancellation().sleep(POLL);
        }
    }

    @Override
    public void verify(StepContext context) throws Exception {
        EtcdMember member = member(context);
        EndpointStatus after = awaitLeader(context, member);
        long stillFree = after.dbSize() - after.dbSizeInUse();
        if (before != null && after.dbSize() >= before.dbSize() && !compactedInThisRun.getAsBoolean()
                && request.worthIt(after.dbSize(), after.dbSizeInUse()) && stillFree >= FREE_AFTER_A_FAILED_DEFRAG) {
            throw new StepFailedException(member.memberName() + "'s database did not shrink: still "
                    + Bytes.human(after.dbSize()) + " with " + Bytes.human(after.dbSizeInUse()) + " in use",
                    "look at journalctl -u " + session.settings().layout().unitName() + " on " + member.hostName()
                            + " for the defragmentation's error");
        }
    }

    private EndpointStatus status(EtcdMember member) throws Exception {
        EtcdAdmin etcd = session.cluster().sharedEtcd();
        return etcd.status(member.clientUrl()).get(STATUS_SECONDS, TimeUnit.SECONDS);
    }
}
