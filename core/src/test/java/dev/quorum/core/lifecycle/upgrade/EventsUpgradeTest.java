package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.lifecycle.PlanShapes;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.release.ReleaseFetcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events cluster runs the main cluster's etcd binary (decision 0043): the gates that keep each of its restarts
 * one etcd supports, and the restart step's target; no host, no root.
 */
class EventsUpgradeTest {
    private static final EtcdVersion V34 = EtcdVersion.parse("3.4.35");
    private static final EtcdVersion V35 = EtcdVersion.parse("3.5.17");
    private static final EtcdVersion V36 = EtcdVersion.parse("3.6.4");

    @TempDir
    Path dir;

    private static Map<String, Optional<EtcdVersion>> versions(Object... nameAndVersion) {
        Map<String, Optional<EtcdVersion>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndVersion.length; i += 2) {
            map.put((String) nameAndVersion[i], Optional.ofNullable((EtcdVersion) nameAndVersion[i + 1]));
        }
        return map;
    }

    @Test
    void theMainUpgradeGoesAheadWhileTheEventsMembersAreOnTheHopBefore() {
        assertThat(EventsVersionGate.forMain(V35, V36, false, versions("etcd1-events", V35, "etcd2-events", V35)))
                .isEmpty();
        // a run stopped after the main members: the events members are still one hop behind, and follow now
        assertThat(EventsVersionGate.forMain(V36, V36, false, versions("etcd1-events", V35, "etcd2-events", V36)))
                .isEmpty();
    }

    @Test
    void anEventsMemberTwoMinorsBehindStopsTheMainUpgradeBeforeTheBinaryChanges() {
        List<UpgradeRefusal> refusals = EventsVersionGate.forMain(V35, V36, false,
                versions("etcd1-events", V34, "etcd2-events", V35));

        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.gate()).isEqualTo(Gate.EVENTS_CLUSTER);
            assertThat(r.reason()).contains("etcd1-events still runs v3.4.35").contains("skip a minor");
            assertThat(r.hint()).contains("quorum upgrade --cluster events");
        });
    }

    @Test
    void anEventsMemberThatDidNotAnswerIsUnknownAndRefuses() {
        assertThat(EventsVersionGate.forMain(V35, V36, false, versions("etcd1-events", null)))
                .extracting(UpgradeRefusal::gate).containsExactly(Gate.UNREACHABLE);
    }

    @Test
    void aRollbackIsRefusedOnceAnEventsMemberRunsTheNewVersion() {
        assertThat(EventsVersionGate.forMain(V35, V35, true, versions("etcd1-events", V35))).isEmpty();
        assertThat(EventsVersionGate.forMain(V35, V35, true, versions("etcd1-events", V36)))
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("would downgrade it"));
    }

    @Test
    void customV2ContentOnAnEventsMemberStopsAMainUpgradeTo36AndAnUnreadStoreIsUnknown() {
        Map<String, V2Store> stores = new LinkedHashMap<>();
        stores.put("etcd1-events", V2Store.CLEAN);
        stores.put("etcd2-events", V2Store.WAL_ONLY);
        assertThat(EventsVersionGate.v2Stores(stores)).isEmpty();

        stores.put("etcd3-events", V2Store.V2_DATA);
        stores.put("etcd4-events", V2Store.UNKNOWN);
        List<UpgradeRefusal> refusals = EventsVersionGate.v2Stores(stores);

        assertThat(refusals).extracting(UpgradeRefusal::gate).containsOnly(Gate.V2_STORE);
        assertThat(refusals).extracting(UpgradeRefusal::reason).satisfiesExactly(
                r -> assertThat(r).contains("custom v2 content on the events cluster's etcd3-events"),
                r -> assertThat(r).contains("could not check the v2 store of the events cluster's etcd4-events"));
        assertThat(refusals.get(0).hint()).contains("port 2383");
    }

    @Test
    void eventsMembersMarkedRemovedStopAMainUpgradeTo36AndUnreadMarksAreUnknown() {
        Map<String, RemovedMarks> marks = new LinkedHashMap<>();
        marks.put("etcd1-events", new RemovedMarks(true, List.of()));
        assertThat(EventsVersionGate.removedMarks(marks, "cluster.local-events")).isEmpty();

        marks.put("etcd2-events", new RemovedMarks(true, List.of("etcd1-events", "etcd3-events")));
        marks.put("etcd3-events", RemovedMarks.NOT_READ);
        List<UpgradeRefusal> refusals = EventsVersionGate.removedMarks(marks, "cluster.local-events");

        assertThat(refusals).extracting(UpgradeRefusal::gate).containsOnly(Gate.REMOVED_MARKS);
        assertThat(refusals).extracting(UpgradeRefusal::reason).satisfiesExactly(
                r -> assertThat(r).contains("v3 store of the events cluster's 3.5 members (on etcd2-events: "
                        + "etcd1-events, etcd3-events)"),
                r -> assertThat(r).contains("could not read which members the v3 store of etcd3-events marks"));
        assertThat(refusals.get(0).hint()).contains("quorum snapshot save --cluster events")
                .contains("--roll-back-live-cluster cluster.local-events");
    }

    @Test
    void theEventsClusterFollowsOnlyOnceTheMainClusterAndEveryBinaryRunTheTarget() {
        assertThat(EventsVersionGate.forEvents(versions("etcd1", V36, "etcd2", V36), versions("node1", V36), V36))
                .isEmpty();

        List<UpgradeRefusal> refusals = EventsVersionGate.forEvents(versions("etcd1", V36, "etcd2", V35),
                versions("node1", V36, "node2", null), V36);

        assertThat(refusals).extracting(UpgradeRefusal::reason).containsExactlyInAnyOrder(
                "the etcd binary on node2 did not report its version",
                "the main cluster's member etcd2 runs v3.5.17, not v3.6.4");
        assertThat(refusals).extracting(UpgradeRefusal::hint)
                .anySatisfy(h -> assertThat(h).contains("quorum upgrade (without --cluster)"));
    }

    @Test
    void theBinarysVersionIsReadFromItsOwnWords() {
        assertThat(EventsVersions.parse("etcd Version: 3.5.17\nGit SHA: 507c0de\nGo Version: go1.22\n"))
                .contains(V35);
        assertThat(EventsVersions.parse("sh: /usr/local/bin/etcd: not found")).isEmpty();
    }

    @Test
    void theRestartActsOnEtcdEventsOnly() throws Exception {
        ClusterSession main = PlanShapes.offlineSession(dir, 3, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");
        ClusterSession events = main.sibling(main.inventory().eventsCluster().orElseThrow());
        LifecycleSession session = new LifecycleSession(events, new ReleaseFetcher(dir, Duration.ofSeconds(1)),
                Duration.ofSeconds(1), events.inventory().etcdMembers(), InitialClusterState.EXISTING);

        EventsRestartStep step = new EventsRestartStep(session, V36, true, false);

        assertThat(step.title()).isEqualTo("Restart etcd-events onto v3.6.4 (the leader, last)");
        assertThat(step.preview("node2")).first().asString().endsWith(" /etc/etcd-events.env");
        assertThat(step.preview("node2")).element(1).asString().startsWith("systemctl restart etcd-events ");
        assertThat(step.preview("node2")).last().asString().contains("https://127.88.0.2:2383");

        EventsRestartStep downgrade = new EventsRestartStep(session, V35, false, true);
        assertThat(downgrade.title()).isEqualTo("Downgrade etcd-events onto v3.5.17");
        assertThat(downgrade.preview("node2")).first().asString().contains("etcdctl --endpoints=<the member>:2383")
                .contains("storageVersion 3.5.0, downgrade enabled");
    }

    @Test
    void aDowngradeTakesEventsMembersOnTheMinorAboveOrAlreadyOnTheTarget() {
        DowngradeStatus plain = new DowngradeStatus(true, "3.6.0", Optional.empty(), "");
        DowngradeStatus enabled = new DowngradeStatus(true, "3.5.0", Optional.of("3.5.0"), "");

        assertThat(EventsVersionGate.forDowngrade(V35, versions("etcd1-events", V36, "etcd2-events", V36),
                Map.of("etcd1-events", plain, "etcd2-events", enabled))).isEmpty();
        assertThat(EventsVersionGate.forDowngrade(V35, versions("etcd1-events", V35, "etcd2-events", V36),
                Map.of("etcd2-events", enabled))).as("a run cut off after the first events member").isEmpty();
    }

    @Test
    void aDowngradeRefusesEventsMembersOffItsPathUnreadOrDowngradingElsewhere() {
        DowngradeStatus toThe34s = new DowngradeStatus(true, "3.6.0", Optional.of("3.4.0"), "");

        List<UpgradeRefusal> refusals = EventsVersionGate.forDowngrade(V35, versions("etcd1-events", V34,
                        "etcd2-events", V36, "etcd3-events", V36, "etcd4-events", null),
                Map.of("etcd2-events", DowngradeStatus.notRead("SSH: timeout"), "etcd3-events", toThe34s));

        assertThat(refusals).extracting(UpgradeRefusal::gate).containsExactlyInAnyOrder(Gate.UNREACHABLE,
                Gate.EVENTS_CLUSTER, Gate.UNREACHABLE, Gate.EVENTS_CLUSTER);
        assertThat(refusals).extracting(UpgradeRefusal::reason).anySatisfy(r -> assertThat(r)
                        .contains("etcd1-events runs v3.4.35, neither 3.6 nor v3.5.17"))
                .anySatisfy(r -> assertThat(r).contains("downgrade state of the events cluster's member "
                        + "etcd2-events: SSH: timeout"))
                .anySatisfy(r -> assertThat(r).contains("a downgrade to 3.4.0 is enabled on the events cluster"))
                .anySatisfy(r -> assertThat(r).contains("etcd4-events did not report its version"));
    }

    @Test
    void aDowngradeOfTheEventsClusterAloneNamesTheMainClustersDowngrade() throws Exception {
        ClusterSession main = PlanShapes.offlineSession(dir, 3, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");

        assertThat(EventsUpgradePlans.refusals(main, UpgradeRequest.downgradeOneMinor())).singleElement()
                .satisfies(r -> assertThat(r.hint()).contains("quorum upgrade --downgrade without --cluster"));
    }

    @Test
    void thePreviewOfARollbackOnTheEventsClusterRefusesAsItsPlanDoes() throws Exception {
        ClusterSession main = PlanShapes.offlineSession(dir, 3, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");

        assertThat(EventsUpgradePlans.refusals(main, UpgradeRequest.rollBack())).singleElement().satisfies(r -> {
            assertThat(r.gate()).isEqualTo(Gate.ROLLBACK);
            assertThat(r.hint()).contains("quorum upgrade --rollback, without --cluster");
        });
    }
}
