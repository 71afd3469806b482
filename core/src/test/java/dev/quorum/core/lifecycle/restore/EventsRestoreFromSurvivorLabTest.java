package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum restore --cluster events --from-survivor lab1} on three lab hosts running both clusters (decision
 * 0047): the events cluster loses two members' data, is refused while it still has quorum, then rebuilt from lab1's
 * own database with every key it held, while the main cluster's members run on untouched (same processes).
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsRestoreFromSurvivorLabTest {
    private static final int KEYS = 120;
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static Map<String, String> mainPids;

    @BeforeAll
    static void bothClustersWithEventsKeys() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of("etcd_events_cluster_enabled", true), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        try (KeyValues kv = eventsKeyValues()) {
            kv.put("events/", KEYS, 50);
        }
        mainPids = pids("etcd");
    }

    private static KeyValues eventsKeyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterSession events = session.sibling(session.inventory().cluster(ClusterLayout.EVENTS));
            List<String> endpoints = events.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList();
            assertThat(endpoints).allMatch(e -> e.endsWith(":2383"));
            return new KeyValues(endpoints, events.pki().clientTls());
        }
    }

    private static LabCluster.Outcome restoreEventsFromLab1() {
        return cluster.run(session -> RestorePlan.build(session.sibling(session.inventory()
                .cluster(ClusterLayout.EVENTS)), RestoreRequest.fromSurvivor("lab1"), Duration.ofSeconds(60)));
    }

    private static Map<String, String> pids(String unit) {
        return lab.hosts().stream().collect(Collectors.toMap(LabHost::name, h -> h.exec("systemctl show -p MainPID "
                + "--value " + unit).stdout().strip()));
    }

    private static ClusterStatus status(ClusterLayout layout) {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterSession which = session.sibling(session.inventory().cluster(layout));
            return ClusterProbe.probe(which.sharedEtcd(), which.inventory().etcdMembers(), Duration.ofSeconds(3));
        }
    }

    @Test
    @Order(1)
    void whileTheEventsClusterHasQuorumItIsNotRestored() {
        Map<String, String> eventsPids = pids("etcd-events");

        LabCluster.Outcome refused = restoreEventsFromLab1();

        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("still has quorum");
        assertThat(pids("etcd-events")).isEqualTo(eventsPids);
        assertThat(pids("etcd")).isEqualTo(mainPids);
    }

    @Test
    @Order(2)
    void twoLostEventsMembersAreRebuiltFromLab1sDatabaseWithEveryKey() throws Exception {
        for (LabHost lost : List.of(lab.host(1), lab.host(2))) {
            lost.exec("systemctl stop etcd-events; systemctl disable etcd-events")
                    .requireOk("stop etcd-events on " + lost.name());
            lost.wipe("/var/lib/etcd-events");
        }

        LabCluster.Outcome restored = restoreEventsFromLab1();

        assertThat(restored.result().succeeded()).as(restored.log() + restored.firstFailure()).isTrue();
        try (KeyValues kv = eventsKeyValues()) {
            assertThat(kv.read("events/")).as("every key lab1's events member held").hasSize(KEYS);
        }
        ClusterStatus events = status(ClusterLayout.EVENTS);
        assertThat(events.healthy()).as(events.sentence()).isTrue();
        assertThat(events.members()).hasSize(3);
        assertThat(pids("etcd")).as("the main cluster's etcd processes were never restarted").isEqualTo(mainPids);
        assertThat(status(ClusterLayout.MAIN).healthy()).isTrue();
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("systemctl cat etcd-events").stdout()).as(host.name())
                    .doesNotContain(InitialCheckDropIn.NAME);
            assertThat(host.exec("systemctl is-enabled etcd-events").stdout().strip()).as(host.name())
                    .isEqualTo("enabled");
        }
    }

    @Test
    @Order(3)
    void aReRunChangesNothing() {
        LabCluster.Outcome again = restoreEventsFromLab1();

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }
}
