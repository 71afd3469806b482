package dev.quorum.core.lifecycle.upgrade;

import static dev.quorum.core.lifecycle.upgrade.Observed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every guard of the upgrade and the plan's order, decided from observed facts alone. */
class UpgradePlannerTest {

    private static UpgradeDecision upgrade(ObservedCluster observed, String target) {
        return UpgradePlanner.decide(observed, EtcdVersion.parse(target), UpgradeRequest.upgrade());
    }

    private static List<UpgradeRefusal> refusals(UpgradeDecision decision) {
        assertThat(decision).isInstanceOf(UpgradeDecision.Refused.class);
        return ((UpgradeDecision.Refused) decision).refusals();
    }

    private static UpgradeShape shape(UpgradeDecision decision) {
        assertThat(decision).isInstanceOf(UpgradeDecision.Proceed.class);
        return ((UpgradeDecision.Proceed) decision).shape();
    }

    @Test
    void oneMinorGoesFollowersFirstAndTheLeaderLast() {
        UpgradeShape shape = shape(upgrade(cluster().three("v3.4.23").build(), "v3.5.33"));
        assertThat(shape.order()).containsExactly("h1", "h3", "h2");
        assertThat(shape.pending()).containsExactly("h1", "h3", "h2");
        assertThat(shape.path().describe()).isEqualTo("3.4 -> 3.5");
        assertThat(shape.rollback()).isFalse();
        assertThat(shape.v2WalWorkaround()).isEmpty();
    }

    @Test
    void aPatchUpgradeTakesTheSamePath() {
        UpgradeShape shape = shape(upgrade(cluster().three("v3.5.30").build(), "v3.5.33"));
        assertThat(shape.path().patchOnly()).isTrue();
        assertThat(shape.pending()).containsExactly("h1", "h3", "h2");
    }

    @Test
    void anInterruptedUpgradeGoesOnWithTheMembersLeft() {
        ObservedCluster mixed = cluster().three("v3.5.33").change("h1", m -> Observed.version(m, "v3.6.14")).build();
        UpgradeShape shape = shape(upgrade(mixed, "v3.6.14"));
        assertThat(shape.pending()).containsExactly("h3", "h2");
        assertThat(shape.order()).containsExactly("h1", "h3", "h2");
    }

    @Test
    void everyMemberOnTheTargetIsNothingToDo() {
        assertThat(shape(upgrade(cluster().three("v3.6.14").build(), "v3.6.14")).nothingToDo()).isTrue();
    }

    @Test
    void twoMinorsAtOnceAreRefusedNamingThePath() {
        List<UpgradeRefusal> refused = refusals(upgrade(cluster().three("v3.4.23").build(), "v3.6.14"));
        assertThat(refused).extracting(UpgradeRefusal::gate).containsExactly(Gate.ONE_MINOR_AT_A_TIME);
        assertThat(refused.get(0).reason()).contains("3.4 -> 3.5 now, then 3.6");
        assertThat(refused.get(0).hint()).contains("newest 3.5 patch");
        assertThat(refusals(upgrade(cluster().three("v3.4.23").build(), "v3.7.1")).get(0).reason())
                .contains("3.4 -> 3.5 now, then 3.6, then 3.7");
    }

    @Test
    void anotherMajorIsRefused() {
        assertThat(refusals(upgrade(cluster().three("v3.6.14").build(), "v4.0.0")))
                .extracting(UpgradeRefusal::gate).containsExactly(Gate.ONE_MINOR_AT_A_TIME);
    }

    @Test
    void aDowngradeIsRefusedSayingWhatIsPossible() {
        UpgradeRefusal done = refusals(upgrade(cluster().three("v3.6.14").build(), "v3.5.33")).get(0);
        assertThat(done.gate()).isEqualTo(Gate.DOWNGRADE);
        assertThat(done.hint()).contains("etcdctl downgrade").contains("quorum restore");
        ObservedCluster mixed = cluster().three("v3.5.33").change("h1", m -> Observed.version(m, "v3.6.14")).build();
        UpgradeRefusal whileMixed = refusals(upgrade(mixed, "v3.5.33")).get(0);
        assertThat(whileMixed.gate()).isEqualTo(Gate.DOWNGRADE);
        assertThat(whileMixed.hint()).contains("--rollback");
        assertThat(refusals(upgrade(cluster().three("v3.5.33").build(), "v3.5.30")))
                .extracting(UpgradeRefusal::gate).containsExactly(Gate.DOWNGRADE);
    }

    @Test
    void from35To36NeedsTheDocsMinimumPatch() {
        ObservedCluster old = cluster().three("v3.5.30").build();
        UpgradeRefusal refused = refusals(upgrade(old, "v3.6.14")).get(0);
        assertThat(refused.gate()).isEqualTo(Gate.MINIMUM_PATCH);
        assertThat(refused.reason()).contains("v3.5.32").contains("etcd-h1 (v3.5.30)");
        assertThat(shape(upgrade(cluster().three("v3.5.32").build(), "v3.6.14")).pending()).hasSize(3);
    }

    @Test
    void from35To36NeedsACleanV2Store() {
        ObservedCluster data = cluster().three("v3.5.33").change("h3", m -> Observed.v2(m, V2Store.V2_DATA)).build();
        UpgradeRefusal refused = refusals(upgrade(data, "v3.6.14")).get(0);
        assertThat(refused.gate()).isEqualTo(Gate.V2_STORE);
        assertThat(refused.reason()).contains("etcd-h3");
        ObservedCluster unknown = cluster().three("v3.5.33").change("h1", m -> Observed.v2(m, V2Store.UNKNOWN)).build();
        assertThat(refusals(upgrade(unknown, "v3.6.14"))).extracting(UpgradeRefusal::gate)
                .containsExactly(Gate.V2_STORE);
        ObservedCluster unchecked = cluster().three("v3.5.33")
                .change("h2", m -> Observed.v2(m, V2Store.NOT_CHECKED)).build();
        assertThat(refusals(upgrade(unchecked, "v3.6.14"))).extracting(UpgradeRefusal::gate)
                .containsExactly(Gate.V2_STORE);
    }

    @Test
    void from35To36RefusesCurrentMembersMarkedRemovedInAV3StoreAndAnUnreadStore() {
        ObservedCluster marked = cluster().three("v3.5.33").change("h1", m -> Observed.marks(m,
                new RemovedMarks(true, List.of("etcd-h2", "etcd-h3")))).build();
        UpgradeRefusal refused = refusals(upgrade(marked, "v3.6.14")).get(0);
        assertThat(refused.gate()).isEqualTo(Gate.REMOVED_MARKS);
        assertThat(refused.reason()).contains("(on etcd-h1: etcd-h2, etcd-h3)").contains("would refuse them");
        assertThat(refused.hint()).contains("quorum snapshot save").contains("--roll-back-live-cluster");

        ObservedCluster unread = cluster().three("v3.5.33").change("h3", m -> Observed.marks(m, RemovedMarks.NOT_READ))
                .build();
        assertThat(refusals(upgrade(unread, "v3.6.14"))).singleElement().satisfies(r -> {
            assertThat(r.gate()).isEqualTo(Gate.REMOVED_MARKS);
            assertThat(r.reason()).startsWith("could not read").contains("etcd-h3");
        });
    }

    /** The marks matter to 3.6 only; 3.5 reads membership from the v2 store. */
    @Test
    void marksDoNotStopAHopTo35() {
        ObservedCluster marked = cluster().three("v3.4.23").change("h1", m -> Observed.marks(m,
                new RemovedMarks(true, List.of("etcd-h2")))).build();
        assertThat(shape(upgrade(marked, "v3.5.33")).pending()).hasSize(3);
    }

    @Test
    void v2RecordsOnlyInTheWalTakeTheSnapshotWorkaroundFirst() {
        ObservedCluster wal = cluster().three("v3.5.33").change("h2", m -> Observed.v2(m, V2Store.WAL_ONLY)).build();
        assertThat(shape(upgrade(wal, "v3.6.14")).v2WalWorkaround()).containsExactly("h2");
    }

    @Test
    void from34To35IsRefusedWithAuthOnOrUnknown() {
        assertThat(refusals(upgrade(cluster().three("v3.4.23").auth(AuthState.ENABLED).build(), "v3.5.33")))
                .extracting(UpgradeRefusal::gate).containsExactly(Gate.AUTH_ENABLED);
        assertThat(refusals(upgrade(cluster().three("v3.4.23").auth(AuthState.UNKNOWN).build(), "v3.5.33")).get(0)
                .reason()).contains("could not tell");
        assertThat(shape(upgrade(cluster().three("v3.5.33").auth(AuthState.UNKNOWN).build(), "v3.6.14")).pending())
                .hasSize(3);
    }

    @Test
    void anUnreachableMemberIsUnknownAndNamed() {
        ObservedCluster down = cluster().three("v3.4.23")
                .change("h3", m -> Observed.unreachable(m, "SSH: connection refused")).build();
        List<UpgradeRefusal> refused = refusals(upgrade(down, "v3.5.33"));
        assertThat(refused.get(0).gate()).isEqualTo(Gate.UNREACHABLE);
        assertThat(refused.get(0).reason()).contains("etcd-h3 on h3 (SSH: connection refused)");
    }

    @Test
    void unhealthyMembersAndAlarmsAreRefused() {
        ObservedCluster sick = cluster().three("v3.4.23").change("h1", Observed::unhealthy).alarm("NOSPACE on etcd-h1")
                .build();
        assertThat(refusals(upgrade(sick, "v3.5.33"))).extracting(UpgradeRefusal::gate)
                .containsExactly(Gate.UNHEALTHY, Gate.ALARMS);
    }

    @Test
    void roomOnTheHostsAndHereIsChecked() {
        ObservedCluster small = cluster().three("v3.4.23").change("h2", m -> Observed.free(m, 10 * 1024, Observed.GIB_KIB))
                .build();
        UpgradeRefusal refused = refusals(upgrade(small, "v3.5.33")).get(0);
        assertThat(refused.gate()).isEqualTo(Gate.DISK);
        assertThat(refused.reason()).startsWith("h2 has 10 MiB free");
        ObservedCluster full = cluster().three("v3.4.23").change("h1", m -> Observed.free(m, Observed.GIB_KIB, 1))
                .build();
        assertThat(refusals(upgrade(full, "v3.5.33"))).extracting(UpgradeRefusal::gate).containsExactly(Gate.DISK);
        assertThat(refusals(upgrade(cluster().three("v3.4.23").workstationFree(1024).build(), "v3.5.33")).get(0)
                .reason()).contains("this workstation");
    }

    @Test
    void aRollbackWhileMixedPutsTheUpgradedMembersBack() {
        ObservedCluster mixed = cluster().three("v3.4.23")
                .change("h1", m -> Observed.kept(Observed.version(m, "v3.5.33"), "v3.4.23")).build();
        UpgradeShape shape = shape(UpgradePlanner.decide(mixed, EtcdVersion.parse("v3.5.33"), UpgradeRequest.rollBack()));
        assertThat(shape.rollback()).isTrue();
        assertThat(shape.target()).isEqualTo(EtcdVersion.parse("v3.4.23"));
        assertThat(shape.pending()).containsExactly("h1");
    }

    @Test
    void aRollbackIsRefusedWhenNotMixedOrNothingWasKept() {
        UpgradeRefusal complete = refusals(UpgradePlanner.decide(cluster().three("v3.5.33").build(),
                EtcdVersion.parse("v3.5.33"), UpgradeRequest.rollBack())).get(0);
        assertThat(complete.gate()).isEqualTo(Gate.ROLLBACK);
        assertThat(complete.hint()).contains("etcdctl downgrade").contains("quorum restore");
        ObservedCluster notKept = cluster().three("v3.4.23").change("h1", m -> Observed.version(m, "v3.5.33")).build();
        assertThat(refusals(UpgradePlanner.decide(notKept, EtcdVersion.parse("v3.5.33"), UpgradeRequest.rollBack()))
                .get(0).reason()).contains("no kept v3.4.23 binaries for etcd-h1 on h1");
    }
}
