package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.CommandResult;
import java.util.List;

/**
 * Asks each host's restore tool, once it is the one the restore runs (after the binaries step) and before etcd is
 * stopped anywhere, whether it can raise the snapshot's revisions (decision 0079): its help names
 * {@code --bump-revision}. Read-only; the restore raises them only where every host's tool can.
 */
final class RevisionBumpCheckStep extends RestoreHostStep {

    RevisionBumpCheckStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Check the restore tool can raise the revisions past the old cluster's (" + RevisionBump.FLAG + ")";
    }

    @Override
    public List<String> preview(String target) {
        if (!restore.revisions.planned().raises()) {
            return List.of("# revisions kept as the snapshot has them (--keep-revisions)");
        }
        return List.of(restore.tool().invocation() + " snapshot restore --help | grep -- " + RevisionBump.FLAG
                + "   # every host's tool must know it, else every member keeps the snapshot's revisions");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!restore.revisions.planned().raises()) {
            return Check.done("revisions kept as the snapshot has them (--keep-revisions)");
        }
        CommandResult help = remote(context).run(restore.tool().invocation() + " snapshot restore --help 2>&1");
        boolean raises = help.stdout().contains(RevisionBump.FLAG + " ");
        if (!raises && help.stdout().isBlank()) {
            throw new StepFailedException(restore.tool().path() + " on " + context.target() + " printed no help "
                    + "(exit status " + help.exitStatus() + ")", "check that it runs there; nothing was stopped yet");
        }
        restore.revisions.toolOn(context.target(), raises);
        return Check.done(raises ? restore.tool().name() + " can raise them"
                : restore.tool().name() + " cannot raise them (no " + RevisionBump.FLAG + ": etcd before 3.5.10)");
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("this step only asks");
    }
}
