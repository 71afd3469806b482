package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import java.time.Duration;
import java.util.List;

/**
 * Starts etcd on a member whose service stopped or failed while its data is intact: the cluster's own unit,
 * etcd or etcd-events (decision 0043).
 */
final class StartEtcdStep implements Step {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterSession cluster;
    private final Readiness awaited;

    StartEtcdStep(ClusterSession cluster, Readiness awaited) {
        this.cluster = cluster;
        this.awaited = awaited;
    }

    @Override
    public String title() {
        return "Start " + unit() + " where it stopped (its data is intact)";
    }

    private String unit() {
        return UnitWait.unit(cluster);
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl reset-failed " + unit() + "; systemctl start " + unit());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String state = UnitWait.state(cluster, context);
        return awaited.shownBy(state) ? Check.done(unit() + " " + state) : Check.needed(unit() + " is " + state);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        cluster.remote(context.target()).run("systemctl reset-failed " + unit() + " 2>/dev/null; "
                + "systemctl start --no-block " + unit()).requireOk("start " + unit() + " on " + context.target());
        UnitWait.until(cluster, context, START_TIMEOUT, awaited.word(), () -> !check(context).needed());
    }
}
