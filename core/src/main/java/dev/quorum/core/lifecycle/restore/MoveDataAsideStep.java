package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.DataDirAside;
import java.util.List;
import java.util.Optional;

/**
 * The old data dir is set aside ({@code DATA_DIR.before-restore-TIME}, or inside the data dir
 * when it is a mount point), never deleted: it is what an operator would want back if the
 * snapshot turns out to be the wrong one. Refused, moving nothing, while etcd still runs there.
 */
final class MoveDataAsideStep extends RestoreHostStep {

    MoveDataAsideStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Move the old data dir aside (kept, never deleted)";
    }

    private String label() {
        return "before-restore-" + restore.stamp;
    }

    @Override
    public List<String> preview(String target) {
        return DataDirAside.preview(restore.dataDir(), label(), DataDirAside.Stop.ALREADY_STOPPED,
                restore.unit());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<Check> done = alreadyRestored(context);
        if (done.isPresent()) {
            return done.get();
        }
        String found = remote(context).run(DataDirAside.holdsDataCommand(restore.dataDir())).stdout().strip();
        return found.isEmpty() ? Check.done(restore.dataDir() + " empty or absent")
                : Check.needed(restore.dataDir() + " holds the old data");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        DataDirAside.Result moved = DataDirAside.setAside(remote(context), restore.dataDir(), label(),
                DataDirAside.Stop.ALREADY_STOPPED, restore.unit());
        context.info(moved.sentence());
    }
}
