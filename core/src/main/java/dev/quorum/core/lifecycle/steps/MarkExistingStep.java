package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.remote.RemoteHost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Once the cluster is up, {@code ETCD_INITIAL_CLUSTER_STATE=existing}: a member that later loses
 * its data dir must then fail to start rather than bootstrap a new one-member cluster. etcd only
 * reads this at bootstrap, so no restart.
 */
public final class MarkExistingStep extends HostStep {
    /** The env file as this run's check just read it on a host: the change writes from it, without reading again. */
    private final Map<String, String> readByCheck = new ConcurrentHashMap<>();

    public MarkExistingStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Set ETCD_INITIAL_CLUSTER_STATE=existing";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("sed -i 's/^ETCD_INITIAL_CLUSTER_STATE=.*/ETCD_INITIAL_CLUSTER_STATE=existing/' "
                + session.settings().layout().envFile());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String env = ManagedFiles.read(remote(context), session.settings().layout().envFile()).orElse("");
        boolean existing = EnvFile.parse(env).initialClusterState()
                .map(s -> s == InitialClusterState.EXISTING).orElse(false);
        if (existing) {
            readByCheck.remove(context.target());
            return Check.done("already existing");
        }
        readByCheck.put(context.target(), env);
        return Check.needed("still says new");
    }

    /**
     * Writes from what the check read moments ago (decision 0061, as the system trust step does since 0056): one exchange
     * less. The file is the one this run's env file step wrote; the verification reads it again from the host.
     */
    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String seen = readByCheck.remove(context.target());
        String env = seen != null && !seen.isEmpty() ? seen
                : ManagedFiles.read(remote, session.settings().layout().envFile()).orElseThrow();
        remote.write(EnvFile.withState(env, InitialClusterState.EXISTING).getBytes(StandardCharsets.UTF_8),
                session.settings().layout().envFile(), "0640");
    }
}
