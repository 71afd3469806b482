package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.cluster.EtcdRoutePolicy;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.cluster.TunnelReason;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.etcd.ClientPortReach;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every host drops TCP 2379 from the workstation (SSH still works): a session that routes automatically finds
 * the client ports silent and reaches etcd through SSH tunnels to each member's 127.0.0.1:2379, so status,
 * a snapshot and adding a member all work, and the status says it went through tunnels. lab1 and lab2 are
 * members from the start; lab3 is added through a tunnel opened for it on the way.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdThroughSshLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void installTwoMembersThenBlockTheClientPort() {
        cluster = new LabCluster(lab, dir, Map.of("quorum_allow_even_members", true), 2);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        lab.hosts().forEach(h -> h.blockFromTool(2379));
        assertThat(ClientPortReach.unreached(cluster.inventory().etcdMembers()))
                .as("the client port really is closed to the workstation").hasSize(2);
    }

    @AfterAll
    static void unblock() {
        if (lab != null) {
            lab.hosts().forEach(LabHost::unblockFromTool);
        }
    }

    private static ClusterSession autoSession() {
        return new ClusterSession(cluster.inventory(), cluster.home, new SshConnector(cluster.ssh()),
                EtcdRoutePolicy.AUTO);
    }

    @Test
    @Order(1)
    void statusGoesThroughTunnelsAndSaysSo() {
        try (ClusterSession session = autoSession()) {
            ClusterStatus status = LiveCluster.read(session).probe(session);
            EtcdRoutes routes = session.etcdRoutes();

            assertThat(status.healthy()).as(status.sentence()).isTrue();
            assertThat(status.members()).hasSize(2);
            assertThat(status.clusterVersion()).as("/version read over HTTPS through the tunnel").isPresent();
            assertThat(routes.allTunnelled()).as(routes.toString()).isTrue();
            assertThat(routes.reason()).contains(TunnelReason.CLIENT_PORT_UNREACHABLE);
        }
    }

    @Test
    @Order(2)
    void aSnapshotStreamsThroughATunnel() throws Exception {
        SnapshotInfo saved;
        try (ClusterSession session = autoSession()) {
            saved = ClusterSnapshots.save(session, "through SSH", Optional.empty());
        }
        assertThat(Files.size(saved.file())).isEqualTo(saved.sizeBytes()).isGreaterThan(0);
        assertThat(saved.revision()).isPositive();
    }

    @Test
    @Order(3)
    void aMemberIsAddedThroughTunnelsAndNoTunnelOutlivesItsSession() throws Exception {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunResult result;
        try (ClusterSession session = autoSession()) {
            result = new Runner(events::add, 8, new Cancellation())
                    .run(MemberPlans.add(session, new AddRequest("lab3")).plan(), RunMode.APPLY);
        }
        LabCluster.Outcome added = new LabCluster.Outcome(result, List.copyOf(events));
        assertThat(added.result().succeeded()).as(added.log() + added.firstFailure()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith(PortForward.THREAD_PREFIX))).isEmpty();

        cluster.editInventory("quorum_allow_even_members", "quorum_etcd_via_ssh");
        Inventory viaSsh = cluster.inventory();
        assertThat(viaSsh.etcdViaSsh()).isTrue();
        try (ClusterSession session = new ClusterSession(viaSsh, cluster.home, new SshConnector(cluster.ssh()))) {
            ClusterStatus status = LiveCluster.read(session).probe(session);
            assertThat(status.healthy()).as(status.sentence()).isTrue();
            assertThat(status.members()).as("lab3 joined").hasSize(3);
            assertThat(session.etcdRoutes().reason()).contains(TunnelReason.INVENTORY);
        }
    }
}
