package dev.quorum.app.kubernetes;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.kubeclients.KubeClientStatus;
import dev.quorum.core.kubeclients.KubeClientsReading;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Duration;
import java.util.List;

/** What {@code quorum certs} reads about the Kubernetes hosts, plus each control plane's kube-apiserver manifest. */
public record SshKubeClientsSource(ClusterSource cluster, QuorumHome home) implements KubeClientsSource {
    /** The CLI's default: {@code quorum certs --warn-days 30}. */
    private static final Duration WARN = Duration.ofDays(30);

    @Override
    public List<KubeClientStatus> read() {
        try (ClusterSession session = ClusterSessions.open(cluster.inventory(), home, cluster.ssh())) {
            return KubeClientsReading.read(session, WARN);
        }
    }
}
