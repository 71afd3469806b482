package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.remote.RemoteHost;
import java.util.List;

/**
 * Once the cluster is up, {@code ETCD_INITIAL_CLUSTER_STATE=existing}: a member that later loses
 * its data dir must then fail to start rather than bootstrap a new one-member cluster. etcd only
 * reads this at bootstrap, so no restart.
 */
public final class MarkExistingStep extends HostStep {

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
        return existing ? Check.done("already existing") : Check.needed("still says new");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String env = ManagedFiles.read(remote, session.settings().layout().envFile()).orElseThrow();
        remote.write(EnvFile.withState(env, InitialClusterState.EXISTING).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                session.settings().layout().envFile(), "0640");
    }
}
