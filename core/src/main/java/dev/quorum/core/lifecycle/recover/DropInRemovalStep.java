package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import java.util.List;

/**
 * Removes the runtime drop-in an interrupted restore left (decisions 0042, 0054), so the next start of etcd on the
 * host runs the initial corruption check again. Removing it can only give a start its check back, so recover does
 * it on any member that has one, before it starts anything; the running etcd keeps running. Removed, not moved
 * aside: the restore's own transient file in {@code /run}, the same command the restore's last steps use.
 */
final class DropInRemovalStep implements Step {
    private final ClusterSession cluster;

    DropInRemovalStep(ClusterSession cluster) {
        this.cluster = cluster;
    }

    private ClusterLayout layout() {
        return cluster.inventory().layout();
    }

    @Override
    public String title() {
        return "Remove the drop-in an interrupted restore left, so " + layout().unitName()
                + "'s next start runs the initial corruption check";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("rm -f " + InitialCheckDropIn.confPath(layout()) + " " + InitialCheckDropIn.envPath(layout()),
                "systemctl daemon-reload");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String word = cluster.remote(context.target()).run(InitialCheckDropIn.probeCommand(layout())).stdout().strip();
        return switch (HostReportParser.dropIn(word)) {
            case ABSENT -> Check.done("no restore drop-in left for " + layout().unitName());
            case PRESENT -> Check.needed(InitialCheckDropIn.confPath(layout()) + " turns the initial check off");
            case UNKNOWN -> throw new StepFailedException("cannot tell whether " + InitialCheckDropIn.confPath(layout())
                    + " is on " + context.target() + " (" + (word.isEmpty() ? "no answer" : word) + ")",
                    "check that the SSH user may read /run/systemd/system and run systemctl on " + context.target());
        };
    }

    @Override
    public void apply(StepContext context) throws Exception {
        cluster.remote(context.target()).run(InitialCheckDropIn.removeCommand(layout()))
                .requireOk("remove " + InitialCheckDropIn.confPath(layout()) + " on " + context.target());
    }
}
