package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.CompactedRevision;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.KeyCount;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.snapshot.SnapshotInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The restored cluster holds what the snapshot held: a restore that keeps etcd's revisions is counted at the revision
 * recorded at save time, which must give exactly the count recorded then; one that raised them past the old
 * cluster's (decision 0079) is counted at the snapshot's revision plus the bump.
 * Without a recorded count (a raw survivor copy) the count is reported. A re-run of a restore interrupted after its
 * start may find that revision compacted away: the restored cluster has served and compacted since (Kubernetes
 * compacts every 5 minutes), so the count can no longer be compared; that is said, with the count now, and the
 * restore goes on to give the members their initial check back and mark itself completed (decision 0054).
 */
final class VerifyKeysStep extends ClusterStep {
    private final RestoreSession restore;

    VerifyKeysStep(RestoreSession restore) {
        super(restore.life);
        this.restore = restore;
    }

    @Override
    public String title() {
        return "Count the keys and compare with the count recorded at save time";
    }

    @Override
    public List<String> preview(String target) {
        RevisionBump bump = restore.revisions.planned();
        String revision = bump.raises() ? "<the snapshot's revision + " + bump.amount() + ">"
                : restore.metadata().map(i -> Long.toString(i.revision())).orElse("REV");
        return List.of("etcdctl get \"\" --from-key --count-only --rev=" + revision + " -w json");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!restore.snapshotKnown()) {
            return Check.needed("once the cluster is restored");
        }
        EtcdAdmin etcd = session.cluster().sharedEtcd();
        KeyCount now;
        try {
            now = etcd.keyCount().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Check.needed("the cluster does not serve reads yet");
        }
        RevisionBump bump = restore.revisions.decided();
        warnKept(context);
        Optional<SnapshotInfo> info = restore.metadata().filter(i -> i.knownKeyCount().isPresent() && i.revision() > 0);
        if (info.isPresent() && bump.raises()) {
            return countRaised(context, etcd, now, info.get(), bump);
        }
        if (info.isEmpty()) {
            return Check.done(now.count() + " keys at revision " + now.revision() + " (no count was recorded with this "
                    + "snapshot to compare with)");
        }
        long expected = info.get().keyCount();
        KeyCount then;
        try {
            then = etcd.keyCountAt(info.get().revision()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!CompactedRevision.isCause(e)) {
                throw e;
            }
            context.warn("revision " + info.get().revision() + " of the snapshot is compacted away: the restored "
                    + "cluster has served writes and compacted since, so its " + expected + " keys at save time can no "
                    + "longer be counted");
            return Check.done("compacted past the snapshot's revision " + info.get().revision() + " since the "
                    + "restore; " + now.count() + " keys now at revision " + now.revision());
        }
        if (then.count() != expected) {
            throw new StepFailedException("the restored cluster holds " + then.count() + " keys at revision "
                    + then.revision() + ", the snapshot recorded " + expected,
                    "the snapshot file and its metadata disagree; restore from another snapshot");
        }
        return Check.done(expected + " keys at revision " + then.revision() + ", as recorded at save time; "
                + now.count() + " keys now at revision " + now.revision());
    }

    /**
     * Raised revisions: the snapshot's state is the restored cluster's first revision, its cut plus the bump; every
     * revision before it reads as compacted. The count recorded at save time is that state's when nothing was written
     * between the count and the cut.
     */
    private Check countRaised(StepContext context, EtcdAdmin etcd, KeyCount now, SnapshotInfo info, RevisionBump bump)
            throws Exception {
        long expected = info.keyCount();
        OptionalLong cut = restore.revisions.snapshotRevision();
        if (cut.isEmpty()) {
            return Check.done(now.count() + " keys at revision " + now.revision() + "; the restore raised the "
                    + "revisions by " + bump.amount() + ", so the " + expected + " keys recorded at revision "
                    + info.revision() + " cannot be counted again there");
        }
        long first = cut.getAsLong() + bump.amount();
        KeyCount restored;
        try {
            restored = etcd.keyCountAt(first).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!CompactedRevision.isCause(e)) {
                throw e;
            }
            context.warn("revision " + first + ", the restored snapshot's, is compacted away: the restored cluster "
                    + "has served writes and compacted since, so its keys can no longer be counted");
            return Check.done("compacted past the restored revision " + first + "; " + now.count()
                    + " keys now at revision " + now.revision());
        }
        if (cut.getAsLong() != info.revision()) {
            return Check.done(restored.count() + " keys at revision " + first + " (the snapshot's " + cut.getAsLong()
                    + " raised by " + bump.amount() + "); the " + expected + " recorded at save time were counted at "
                    + info.revision() + ", before the snapshot was cut, so they are not compared");
        }
        if (restored.count() != expected) {
            throw new StepFailedException("the restored cluster holds " + restored.count() + " keys at revision "
                    + first + " (the snapshot's " + cut.getAsLong() + " raised by " + bump.amount()
                    + "), the snapshot recorded " + expected,
                    "the snapshot file and its metadata disagree; restore from another snapshot");
        }
        return Check.done(expected + " keys at revision " + first + " (the snapshot's " + cut.getAsLong()
                + " raised by " + bump.amount() + "), as recorded at save time; " + now.count()
                + " keys now at revision " + now.revision());
    }

    /** Kept revisions count again from the snapshot's: said once, with what to do, unless asked for. */
    private void warnKept(StepContext context) {
        restore.revisions.keptUnasked().ifPresent(why -> context.warn("the restored cluster's revisions start again "
                + "from the snapshot's (" + why + "): restart kube-apiserver and every client that watches etcd, so "
                + "none waits for revisions the old cluster had already written"));
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("the restored cluster does not serve reads");
    }
}
