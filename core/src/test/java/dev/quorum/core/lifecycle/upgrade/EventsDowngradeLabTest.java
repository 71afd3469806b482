package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * etcd's downgrade (decision 0068) on hosts that run an events cluster too, on the main cluster's binary: both clusters
 * born on 3.6 with keys in the events cluster; a downgrade to 3.5 cut off after its first main member (the events
 * cluster's downgrade already enabled), then the upgrade back, which cancels both; then the whole downgrade, after
 * which both clusters run and speak 3.5 with the same members and keys, the events env written for 3.5; a re-run
 * changes nothing.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsDowngradeLabTest {
    private static final int EVENT_KEYS = 300;
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static Map<String, Long> eventsIds;

    @BeforeAll
    static void installBothOn36WithEvents() throws Exception {
        Map<String, Object> vars = new HashMap<>(UpgradeLabReads.vars(EtcdTarball.require("3.6")));
        vars.put("etcd_events_cluster_enabled", true);
        cluster = new LabCluster(lab, dir, vars, 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        try (ClusterSession main = cluster.session(cluster.ssh());
             KeyValues kv = new KeyValues(eventsEndpoints(), main.pki().clientTls())) {
            kv.put("events/", EVENT_KEYS, 100);
        }
        eventsIds = eventsIds();
    }

    @Test
    @Order(1)
    void aDowngradeCutOffAfterItsFirstMemberIsUndoneByTheUpgradeForBothClusters() {
        EtcdTarball from = EtcdTarball.require("3.6");
        UpgradeLabReads.point(cluster, EtcdTarball.require("3.5"));
        LabCluster.Outcome cut = UpgradeLabReads.downgradeCutOffAfter(cluster, "Downgrade each member");
        assertThat(cut.log()).as("the events cluster's own downgrade, asked of an events member")
                .containsPattern("etcdctl downgrade enable 3\\.5 +# asked of etcd\\d-events at https://[0-9.]+:2383");
        assertClustersSpeak("3.5");

        UpgradeLabReads.point(cluster, from);
        LabCluster.Outcome back = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));

        assertThat(back.result().succeeded()).as(back.log() + back.firstFailure()).isTrue();
        assertThat(back.log()).containsPattern("etcdctl downgrade cancel +# asked of etcd\\d-events at "
                + "https://[0-9.]+:2383");
        assertThat(eventsVersions()).containsOnly(from.version());
        assertClustersSpeak("3.6");
    }

    @Test
    @Order(2)
    void theDowngradeTakesBothClustersTo35WithTheirMembersAndKeys() throws Exception {
        EtcdTarball to = EtcdTarball.require("3.5");
        UpgradeLabReads.point(cluster, to);

        LabCluster.Outcome down = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.downgradeOneMinor()));

        assertThat(down.result().succeeded()).as(down.log() + down.firstFailure()).isTrue();
        assertThat(new UpgradeLabReads(lab, cluster).versions()).containsOnly(to.version());
        assertThat(eventsVersions()).containsOnly(to.version());
        assertClustersSpeak("3.5");
        assertThat(eventsIds()).isEqualTo(eventsIds);
        try (ClusterSession main = cluster.session(cluster.ssh());
             KeyValues kv = new KeyValues(eventsEndpoints(), main.pki().clientTls())) {
            assertThat(kv.countHeld("events/")).isEqualTo(EVENT_KEYS);
        }
        for (LabHost host : lab.hosts()) {
            assertThat(host.readFile("/etc/etcd-events.env")).as("the events env written for 3.5 on " + host.name())
                    .contains("ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED=true").doesNotContain("ETCD_FEATURE_GATES");
        }
        String eventsName = cluster.inventory().eventsCluster().orElseThrow().clusterName();
        assertThat(cluster.home.snapshots(eventsName).toFile().list())
                .as("the events cluster's snapshot before its downgrade").anyMatch(f -> f.contains("before-downgrade"));
    }

    @Test
    @Order(3)
    void aRerunChangesNothing() {
        LabCluster.Outcome again = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.downgradeOneMinor()));
        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.events()).filteredOn(e -> e instanceof RunEvent.TargetFinished)
                .extracting(e -> ((RunEvent.TargetFinished) e).status()).containsOnly(StepStatus.OK);
    }

    private static List<String> eventsEndpoints() {
        return lab.hosts().stream().map(h -> "https://" + h.address() + ":2383").toList();
    }

    private static Map<String, Long> eventsIds() {
        return eventsStatus().memberList().stream().collect(Collectors.toMap(MemberInfo::name, MemberInfo::id,
                (a, b) -> a, TreeMap::new));
    }

    private static ClusterStatus eventsStatus() {
        try (ClusterSession main = cluster.session(cluster.ssh())) {
            ClusterSession events = main.sibling(main.inventory().eventsCluster().orElseThrow());
            return LiveCluster.read(events).probe(events);
        }
    }

    /** Each events member's running version, once every one answered (bounded). */
    private static List<String> eventsVersions() {
        AtomicReference<ClusterStatus> seen = new AtomicReference<>();
        Wait.until(Duration.ofSeconds(30), Duration.ofMillis(300), () -> {
            seen.set(eventsStatus());
            return seen.get().members().stream().allMatch(m -> m.status().isPresent());
        });
        return seen.get().members().stream().map(m -> m.status().map(s -> "v" + s.version()).orElse("unreachable"))
                .toList();
    }

    /** Both clusters: the main members' client URLs and the events members'. */
    private static void assertClustersSpeak(String line) {
        UpgradeLabReads.assertClusterSpeaks(cluster, lab.hosts().stream().flatMap(h -> Stream.of(
                "https://" + h.address() + ":2379", "https://" + h.address() + ":2383")).toList(), line);
    }
}
