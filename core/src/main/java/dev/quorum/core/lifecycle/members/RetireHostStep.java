package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.lifecycle.steps.DataDirAside;
import dev.quorum.core.remote.RemoteException;
import dev.quorum.core.remote.RemoteHost;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * On a removed member's host: stop and disable etcd and set its data dir aside (never delete
 * it), so it cannot come back with the identity of a removed member. Nothing moves unless etcd
 * really stopped; a mount point or a symlinked data dir is handled by {@link DataDirAside}. A
 * host that cannot be reached is not an error: the member is already out of the cluster; the run
 * log says so, and what to do when it comes back.
 */
final class RetireHostStep implements Step {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ClusterSession cluster;
    private final String dataDir;
    private final String unit;
    private final String envFile;

    RetireHostStep(ClusterSession cluster) {
        this.cluster = cluster;
        this.dataDir = cluster.inventory().etcd().dataDir();
        this.unit = cluster.inventory().layout().unitName();
        this.envFile = cluster.inventory().layout().envFile();
    }

    @Override
    public String title() {
        return "Stop etcd on the removed member's host and move its data aside";
    }

    @Override
    public List<String> preview(String target) {
        List<String> lines = new ArrayList<>(DataDirAside.preview(dataDir, "removed-<time>",
                DataDirAside.Stop.STOP_AND_DISABLE, unit));
        lines.add("mv " + envFile + " " + envFile + ".removed-<time>");
        return lines;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<String> silence = knownSilent(context.target());
        if (silence.isPresent()) {
            context.warn(context.target() + " cannot be reached: its etcd gave no answer earlier in this run and "
                    + "its SSH port gives none now (" + silence.get() + "); when it comes back, stop etcd there and "
                    + "move " + dataDir + " aside: the cluster will refuse it anyway");
            return Check.done("host unreachable; nothing to clean up now");
        }
        RemoteHost remote;
        try {
            remote = cluster.remote(context.target());
            List<String> state = remote.run("systemctl is-active " + unit + "; systemctl is-enabled " + unit + "; "
                    + DataDirAside.holdsDataCommand(dataDir)).stdout().lines().toList();
            boolean running = state.contains("active") || state.contains("activating");
            boolean enabled = state.contains("enabled");
            boolean data = state.contains("data");
            if (!running && !enabled && !data) {
                return Check.done("etcd stopped, disabled, no data dir");
            }
            return Check.needed((running ? "etcd running" : "etcd stopped") + (enabled ? ", enabled" : "")
                    + (data ? ", data dir present" : ""));
        } catch (RemoteException unreachable) {
            context.warn(context.target() + " cannot be reached (" + unreachable.getMessage() + "); when it comes "
                    + "back, stop etcd there and move " + dataDir + " aside: the cluster will refuse it anyway");
            return Check.done("host unreachable; nothing to clean up now");
        }
    }

    /**
     * For a host whose etcd already stayed silent in this run: a short TCP connect to its SSH port
     * instead of the full SSH connect timeout. Any answer goes on to SSH, so a reachable host is
     * always retired (decision 0040).
     */
    private Optional<String> knownSilent(String hostName) {
        Optional<InventoryHost> host = cluster.inventory().host(hostName);
        if (host.isEmpty() || !cluster.silentEndpoints().isSilent(new EtcdMember(host.get(), "").clientUrl())) {
            return Optional.empty();
        }
        return SshPortAnswer.silence(host.get().ssh());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        RemoteHost remote = cluster.remote(context.target());
        // The env file moves only once the data is aside: a refusal leaves the host as it was.
        DataDirAside.Result moved = DataDirAside.setAside(remote, dataDir, "removed-" + stamp,
                DataDirAside.Stop.STOP_AND_DISABLE, unit);
        String env = envFile + ".removed-" + stamp;
        remote.run("if [ -e " + envFile + " ]; then mv " + envFile + " " + env + "; fi")
                .requireOk("move " + envFile + " aside on " + context.target());
        context.info("etcd stopped and disabled; " + moved.sentence() + "; env at " + env);
    }
}
