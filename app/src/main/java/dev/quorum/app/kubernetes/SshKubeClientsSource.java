package dev.quorum.app.kubernetes;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.kubeclients.KubeClientStatus;
import dev.quorum.core.kubeclients.KubeClientsReading;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Duration;
import java.util.List;

/** What {@code quorum certs} reads about the Kubernetes hosts, plus each control plane's kube-apiserver manifest. */
public final class SshKubeClientsSource implements KubeClientsSource {
    /** The CLI's default: {@code quorum certs --warn-days 30}. */
    private static final Duration WARN = Duration.ofDays(30);

    private final ClusterSource cluster;
    private final QuorumHome home;

    public SshKubeClientsSource(ClusterSource cluster, QuorumHome home) {
        this.cluster = cluster;
        this.home = home;
    }

    @Override
    public List<KubeClientStatus> read() {
        SshOptions ssh = cluster.knownHosts().map(SshOptions.defaults()::withKnownHostsFile)
                .orElse(SshOptions.defaults());
        try (ClusterSession session = ClusterSessions.open(cluster.inventory(), home, ssh)) {
            return KubeClientsReading.read(session, WARN);
        }
    }
}
