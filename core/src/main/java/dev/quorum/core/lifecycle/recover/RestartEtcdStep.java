package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import java.time.Duration;
import java.util.List;

/**
 * Restarts etcd where its process is stopped ({@link ProblemKind#FROZEN}): systemd's stop sends SIGTERM and then
 * SIGCONT, so the stopped process ends as etcd ends on any stop, its data kept, and starts again. Only on the host's
 * own word that the process is stopped: one that runs again (someone resumed it) or whose state cannot be read is
 * left alone, and the rejoin wait that follows says whether it serves.
 */
final class RestartEtcdStep implements Step {
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterSession cluster;
    private final Readiness awaited;

    RestartEtcdStep(ClusterSession cluster, Readiness awaited) {
        this.cluster = cluster;
        this.awaited = awaited;
    }

    @Override
    public String title() {
        return "Restart " + unit() + " where its process is stopped (its data is kept)";
    }

    private String unit() {
        return UnitWait.unit(cluster);
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl restart " + unit() + "   # systemd's stop sends SIGTERM, then SIGCONT");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String word = cluster.remote(context.target()).run(InspectionScript.processState(unit())).stdout().strip();
        return ProcessState.of(word) == ProcessState.STOPPED ? Check.needed("etcd's process is stopped")
                : Check.done("etcd's process is not stopped (" + (word.isEmpty() ? "state not shown" : word) + ")");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        cluster.remote(context.target()).run("systemctl restart --no-block " + unit())
                .requireOk("restart " + unit() + " on " + context.target());
        UnitWait.until(cluster, context, RESTART_TIMEOUT, awaited.word() + " again",
                () -> !check(context).needed() && awaited.shownBy(UnitWait.state(cluster, context)));
    }
}
