package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Last: the restore is verified, so each marker says completed. A later restore (a new disaster)
 * then starts afresh instead of taking these hosts for the half-done work of an interrupted run.
 */
final class CompleteRestoreStep extends RestoreHostStep {

    CompleteRestoreStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Mark the restore completed on every member";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("echo COMPLETED_AT=<time> >> " + RestoreMarker.path(restore.dataDir()));
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!restore.snapshotKnown()) {
            return Check.needed("once the cluster is restored");
        }
        Optional<RestoreMarker> marker = current(context);
        return marker.map(RestoreMarker::completed).orElse(false) ? Check.done("completed " + marker.get().completedAt())
                : Check.needed("not marked completed yet");
    }

    private Optional<RestoreMarker> current(StepContext context) throws Exception {
        return restore.marker(context.target())
                .filter(m -> m.sameRestore(restore.sha256(), restore.token(), member(context).memberName(),
                        restore.initialCluster()));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RestoreMarker marker = current(context).orElseThrow(() -> new StepFailedException(context.target()
                + " does not hold this restore's data", "re-run the restore"));
        remote(context).write(marker.completedAt(Instant.now().toString()).render().getBytes(StandardCharsets.UTF_8),
                RestoreMarker.path(restore.dataDir()), "0600");
    }
}
