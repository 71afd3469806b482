package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum status}'s two reads on a real 3-member TLS cluster: the member list's read asks each member for its
 * status, and the look after it takes those answers, so each member is asked once, one TLS handshake each (jetcd's
 * {@code statusMember} opens a connection per call; issue 18, decision 0058). A stopped member is asked again and
 * reads exactly as it does when every member is asked.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProbeAnswersLabTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void installThree() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
    }

    @Test
    @Order(1)
    void aHealthyClusterIsAskedOncePerMember() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            LiveCluster live = LiveCluster.read(session);
            assertThat(live.answered()).extracting(EndpointStatus::endpoint)
                    .containsExactlyInAnyOrderElementsOf(live.members().stream().map(EtcdMember::clientUrl).toList());
            StatusCallCounter etcd = new StatusCallCounter(session.sharedEtcd());

            ClusterStatus once = ClusterProbe.probe(etcd, live.members(), TIMEOUT, new SilentEndpoints(),
                    live.answered());
            assertThat(etcd.statusCalls()).as("status calls after the list's read").isEmpty();
            ClusterStatus askedAgain = ClusterProbe.probe(etcd, live.members(), TIMEOUT, new SilentEndpoints());
            assertThat(etcd.statusCalls()).as("status calls asking every member again").hasSize(3);

            assertThat(once.healthy()).as(once.sentence()).isTrue();
            assertThat(once.sentence()).isEqualTo(askedAgain.sentence()).isEqualTo("3/3 healthy, tolerates 1 failure");
            assertThat(once.versionSentence()).isEqualTo(askedAgain.versionSentence());
        }
    }

    @Test
    @Order(2)
    void aStoppedMemberIsAskedAgainAndReadsAsBefore() throws Exception {
        LabHost stopped = lab.host(2);
        stopped.exec("systemctl stop etcd").requireOk("stop etcd on " + stopped.name());
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            awaitLeader(session);
            LiveCluster live = LiveCluster.read(session);
            EtcdMember silent = live.onHost(stopped.name()).orElseThrow();
            assertThat(live.answered()).hasSize(2).noneMatch(a -> a.endpoint().equals(silent.clientUrl()));
            StatusCallCounter etcd = new StatusCallCounter(session.sharedEtcd());

            ClusterStatus once = ClusterProbe.probe(etcd, live.members(), TIMEOUT, new SilentEndpoints(),
                    live.answered());
            assertThat(etcd.statusCalls()).containsExactly(silent.clientUrl());
            ClusterStatus askedAgain = ClusterProbe.probe(etcd, live.members(), TIMEOUT, new SilentEndpoints());

            MemberStatus seenOnce = memberOn(once, stopped);
            assertThat(seenOnce.reachable()).isFalse();
            assertThat(seenOnce.error()).isNotBlank().isEqualTo(memberOn(askedAgain, stopped).error());
            assertThat(once.healthy()).isFalse();
            assertThat(once.sentence()).isEqualTo(askedAgain.sentence());
        }
    }

    private static MemberStatus memberOn(ClusterStatus status, LabHost host) {
        return status.members().stream().filter(m -> m.hostName().equals(host.name())).findFirst().orElseThrow();
    }

    /** If the stopped member led, the other two elect a new leader within a few election timeouts. */
    private static void awaitLeader(ClusterSession session) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        ClusterStatus status = ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(), TIMEOUT);
        while (!(status.quorum() && status.healthyCount() == 2) && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            status = ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(), TIMEOUT);
        }
        assertThat(status.quorum()).as("a leader among the two left; last read: " + status.sentence()).isTrue();
    }
}
