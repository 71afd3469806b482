package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.lifecycle.PlanShapes;
import dev.quorum.core.release.ReleaseFetcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events members read the main members' certificates: certificates an install replaced on a host restart the
 * running etcd-events there too, once (decision 0043); no host, no root.
 */
class SharedCertificatesRestartTest {
    @TempDir
    Path dir;

    private static HostFacts service(String state) {
        return new HostFacts("amd64", "Debian GNU/Linux 12", 1L << 30, HostFacts.DataDirState.MEMBER, state,
                List.of(), Optional.empty());
    }

    private LifecycleSession session(ClusterSession cluster) {
        return new LifecycleSession(cluster, new ReleaseFetcher(dir, Duration.ofSeconds(1)), Duration.ofSeconds(1),
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
    }

    @Test
    void replacedCertificatesRestartTheRunningEventsMemberOnThatHostOnce() throws Exception {
        ClusterSession mainCluster = PlanShapes.offlineSession(dir, 3, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");
        LifecycleSession main = session(mainCluster);
        LifecycleSession events = session(mainCluster.sibling(mainCluster.inventory().eventsCluster().orElseThrow()))
                .sharingFilesOf(main);
        main.recordFacts("node1", service("active"));
        events.recordFacts("node1", service("active"));
        events.recordFacts("node2", service("inactive"));

        main.sharedFilesChanged("node1");
        main.sharedFilesChanged("node2");

        assertThat(main.restartNeeded()).containsExactly("node1");
        assertThat(events.restartNeeded()).as("node2's etcd-events is not running: it starts on the new files")
                .containsExactly("node1");
        events.restarted("node1");
        assertThat(events.restartNeeded()).isEmpty();
    }

    @Test
    void aSessionThatSharesNothingRestartsOnlyForItsOwnChanges() throws Exception {
        LifecycleSession main = session(PlanShapes.offlineSession(dir, 3, 3));
        main.recordFacts("node1", service("active"));

        main.changedWhileRunning("node1");

        assertThat(main.restartNeeded()).containsExactly("node1");
    }
}
