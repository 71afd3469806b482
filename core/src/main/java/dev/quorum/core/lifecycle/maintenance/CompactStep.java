package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.CompactedRevision;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Compacts the key history to one revision, decided when the plan was made (so the review shows
 * the revision that will be used). Already compacted that far: nothing to do. etcd waits for the
 * backend to really drop the history ({@code --physical}), so a defragmentation after it reclaims it.
 */
final class CompactStep extends ClusterStep {
    private static final long READ_SECONDS = 10;
    /** A large backend takes a while to drop a long history. */
    private static final long COMPACT_SECONDS = 300;

    private final long target;
    private final String why;
    private volatile boolean compactedNow;

    /** @param why how the revision was chosen, e.g. "keeping the last 1000 revisions" */
    CompactStep(LifecycleSession session, long target, String why) {
        super(session);
        this.target = target;
        this.why = why;
    }

    @Override
    public String title() {
        return target < 2 ? "Compact the key history (nothing to compact)"
                : "Compact the key history to revision " + target;
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl compact " + this.target + " --physical   # " + why);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (target < 2) {
            return Check.done("the history is shorter than what is kept (" + why + "): nothing to compact");
        }
        long current = etcd().linearizableRevision().get(READ_SECONDS, TimeUnit.SECONDS);
        if (target > current) {
            throw new StepFailedException("revision " + target + " is in the future: the cluster is at revision "
                    + current,
                    "give a revision up to " + current + " (quorum maintain alarms shows the current revision), or "
                            + "use --keep-revisions");
        }
        if (alreadyDone()) {
            return Check.done("already compacted to revision " + target + " or later (the cluster is at "
                    + current + ")");
        }
        return Check.needed("revisions before " + target + " are still kept; the cluster is at " + current
                + " (" + why + ")");
    }

    /** Revision {@code target - 1} can no longer be read: the history before the target is gone. */
    boolean alreadyDone() {
        if (target < 2) {
            return true;
        }
        try {
            etcd().keyCountAt(target - 1).get(READ_SECONDS, TimeUnit.SECONDS);
            return false;
        } catch (Exception e) {
            return CompactedRevision.isCause(e);
        }
    }

    @Override
    public void apply(StepContext context) throws Exception {
        context.info("compacting   # etcdctl compact " + target + " --physical");
        try {
            etcd().compact(target).get(COMPACT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!CompactedRevision.isCause(e)) {
                throw e;
            }
            context.info("another client compacted to this revision or later meanwhile");
        }
        compactedNow = true;
    }

    /** This run discarded history (a re-run that found it compacted did not). */
    boolean compactedNow() {
        return compactedNow;
    }

    private EtcdAdmin etcd() {
        return session.cluster().sharedEtcd();
    }
}
