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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The restored cluster holds what the snapshot held: a restore keeps etcd's revisions, so the
 * keys counted at the revision recorded at save time must be exactly the count recorded then.
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
        String revision = restore.metadata().map(i -> Long.toString(i.revision())).orElse("REV");
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
        Optional<SnapshotInfo> info = restore.metadata().filter(i -> i.knownKeyCount().isPresent() && i.revision() > 0);
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

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("the restored cluster does not serve reads");
    }
}
