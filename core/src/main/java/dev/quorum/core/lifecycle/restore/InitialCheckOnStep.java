package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import java.util.List;

/**
 * Once the restored cluster is verified (members, health, key count): the runtime drop-in of
 * {@link InitialCheckOffStep} goes, so every later start of etcd runs the initial corruption check again. The
 * running members keep running; systemd only forgets the override. A run that stopped between the two steps
 * leaves the drop-in until this step runs (a re-run of the restore) or the host reboots ({@code /run}).
 * Removed, not moved aside: it is this run's own transient file, with nothing of the operator's in it.
 */
final class InitialCheckOnStep extends RestoreHostStep {

    InitialCheckOnStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Turn the initial corruption check back on for later starts (remove the drop-in)";
    }

    @Override
    public List<String> preview(String target) {
        ClusterLayout layout = session.settings().layout();
        return List.of("rm -f " + InitialCheckDropIn.confPath(layout) + " " + InitialCheckDropIn.envPath(layout),
                "systemctl daemon-reload");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        ClusterLayout layout = session.settings().layout();
        DropInOnHost found = DropInOnHost.read(remote(context), layout);
        return found.anyLeft(layout) ? Check.needed(InitialCheckDropIn.confPath(layout) + " still turns the check off")
                : Check.done("no restore drop-in left for " + layout.unitName());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        ClusterLayout layout = session.settings().layout();
        remote(context).run(InitialCheckDropIn.removeCommand(layout)).requireOk("remove " + InitialCheckDropIn.confPath(layout) + " on " + context.target());
    }
}
