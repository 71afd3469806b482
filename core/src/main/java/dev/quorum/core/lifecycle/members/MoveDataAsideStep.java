package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.DataDirAside;
import dev.quorum.core.remote.RemoteHost;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Stops etcd on a member's host and sets its data dir aside (never deleting it), so the member
 * can start again empty and receive the cluster's data from the leader. Nothing moves unless
 * etcd really stopped; a mount point or a symlinked data dir is handled by {@link DataDirAside}.
 */
final class MoveDataAsideStep implements Step {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ClusterSession cluster;
    private final String dataDir;
    private final String unit;
    private final BooleanSupplier alreadyRejoined;

    /** @param alreadyRejoined true once the member was added again: its new data must stay */
    MoveDataAsideStep(ClusterSession cluster, BooleanSupplier alreadyRejoined) {
        this.cluster = cluster;
        this.dataDir = cluster.inventory().etcd().dataDir();
        this.unit = cluster.inventory().layout().unitName();
        this.alreadyRejoined = alreadyRejoined;
    }

    @Override
    public String title() {
        return "Stop etcd and move the member's data dir aside";
    }

    @Override
    public List<String> preview(String target) {
        return DataDirAside.preview(dataDir, "reseed-<time>", DataDirAside.Stop.STOP, unit);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (alreadyRejoined.getAsBoolean()) {
            return Check.done("the member was added again; its new data stays");
        }
        RemoteHost remote = cluster.remote(context.target());
        List<String> state = remote.run("systemctl is-active " + unit + "; " + DataDirAside.holdsDataCommand(dataDir))
                .stdout().lines().toList();
        boolean running = state.contains("active") || state.contains("activating");
        boolean data = state.contains("data");
        if (!running && !data) {
            return Check.done("etcd stopped, no data dir");
        }
        return Check.needed((running ? "etcd running" : "etcd stopped") + (data ? ", data dir present" : ""));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String label = "reseed-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        DataDirAside.Result moved = DataDirAside.setAside(cluster.remote(context.target()), dataDir, label,
                DataDirAside.Stop.STOP, unit);
        context.info("etcd stopped; " + moved.sentence());
    }
}
