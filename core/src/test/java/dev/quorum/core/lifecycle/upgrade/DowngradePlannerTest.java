package dev.quorum.core.lifecycle.upgrade;

import static dev.quorum.core.lifecycle.upgrade.Observed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** etcd's own downgrade one minor back (decision 0068): its guards and its plan's shape, from observed facts alone. */
class DowngradePlannerTest {
    private static final DowngradeStatus ON_36 = new DowngradeStatus(true, "3.6.0", Optional.empty(), "");
    private static final DowngradeStatus ENABLED = new DowngradeStatus(true, "3.5.0", Optional.of("3.5.0"), "");

    private static UpgradeDecision downgrade(ObservedCluster observed, String target) {
        return UpgradePlanner.decide(observed, EtcdVersion.parse(target), UpgradeRequest.downgradeOneMinor());
    }

    private static List<UpgradeRefusal> refusals(UpgradeDecision decision) {
        assertThat(decision).isInstanceOf(UpgradeDecision.Refused.class);
        return ((UpgradeDecision.Refused) decision).refusals();
    }

    private static UpgradeShape shape(UpgradeDecision decision) {
        assertThat(decision).as(decision::toString).isInstanceOf(UpgradeDecision.Proceed.class);
        return ((UpgradeDecision.Proceed) decision).shape();
    }

    /** Three members on {@code version}, h2 leading, each reporting {@code status}. */
    private static Observed three(String version, DowngradeStatus status) {
        return cluster().three(version).change("h1", m -> Observed.downgrade(m, status))
                .change("h2", m -> Observed.downgrade(m, status)).change("h3", m -> Observed.downgrade(m, status));
    }

    @Test
    void aCompletedUpgradeGoesOneMinorBackFollowersFirstAndTheLeaderLast() {
        UpgradeShape shape = shape(downgrade(three("v3.6.14", ON_36).build(), "v3.5.33"));
        assertThat(shape.downgrade()).isTrue();
        assertThat(shape.order()).containsExactly("h1", "h3", "h2");
        assertThat(shape.pending()).containsExactly("h1", "h3", "h2");
        assertThat(shape.path().describe()).isEqualTo("3.6 -> 3.5");
        assertThat(shape.snapshotFirst()).isFalse();
    }

    @Test
    void anInterruptedDowngradeGoesOnWithTheMembersLeft() {
        ObservedCluster mixed = three("v3.6.14", ENABLED).change("h1", m -> Observed.downgrade(
                Observed.version(m, "v3.5.33"), DowngradeStatus.NOT_READ)).build();
        UpgradeShape shape = shape(downgrade(mixed, "v3.5.33"));
        assertThat(shape.pending()).containsExactly("h3", "h2");
    }

    @Test
    void aFinishedDowngradeRunAgainIsNothingToDo() {
        assertThat(shape(downgrade(cluster().three("v3.5.33").build(), "v3.5.33")).nothingToDo()).isTrue();
    }

    @Test
    void aMixedClusterWithoutAnEnabledDowngradeIsAnUpgradeUnderWay() {
        ObservedCluster upgrading = three("v3.6.14", new DowngradeStatus(true, "3.5.0", Optional.empty(), ""))
                .change("h1", m -> Observed.version(m, "v3.5.33")).build();
        List<UpgradeRefusal> refused = refusals(downgrade(upgrading, "v3.5.33"));
        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.gate()).isEqualTo(Gate.DOWNGRADE);
            assertThat(r.reason()).contains("an upgrade to 3.6 is under way");
            assertThat(r.hint()).contains("quorum upgrade --rollback");
        });
    }

    @Test
    void twoMinorsBackAreRefused() {
        assertThat(refusals(downgrade(three("v3.7.1", ON_36).build(), "v3.5.33")))
                .extracting(UpgradeRefusal::gate).containsExactly(Gate.ONE_MINOR_AT_A_TIME);
    }

    @Test
    void threeFiveHasNoDowngrade() {
        List<UpgradeRefusal> refused = refusals(downgrade(cluster().three("v3.5.33").build(), "v3.4.23"));
        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("etcd 3.5 has no downgrade");
            assertThat(r.hint()).contains("quorum restore");
        });
    }

    @Test
    void aTargetThatIsNotOlderIsRefused() {
        assertThat(refusals(downgrade(three("v3.6.14", ON_36).build(), "v3.7.1")))
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("nothing to downgrade"));
    }

    @Test
    void aMemberWhoseStateCouldNotBeReadRefusesNamingIt() {
        ObservedCluster unknown = three("v3.6.14", ON_36)
                .change("h3", m -> Observed.downgrade(m, DowngradeStatus.notRead("SSH: timed out"))).build();
        assertThat(refusals(downgrade(unknown, "v3.5.33"))).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("etcd-h3 (SSH: timed out)"));
    }

    @Test
    void anUnreachableMemberRefusesLikeEveryLifeCycle() {
        ObservedCluster unreachable = three("v3.6.14", ON_36)
                .change("h1", m -> Observed.unreachable(m, "client port: timed out")).build();
        assertThat(refusals(downgrade(unreachable, "v3.5.33"))).extracting(UpgradeRefusal::gate)
                .contains(Gate.UNREACHABLE);
    }

    @Test
    void aDowngradeToAnotherVersionEnabledRefuses() {
        ObservedCluster other = three("v3.7.1", new DowngradeStatus(true, "3.6.0", Optional.of("3.6.0"), "")).build();
        assertThat(shape(downgrade(other, "v3.6.14")).pending()).hasSize(3);
        ObservedCluster wrong = three("v3.6.14", new DowngradeStatus(true, "3.6.0", Optional.of("3.4.0"), "")).build();
        assertThat(refusals(downgrade(wrong, "v3.5.33"))).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("a downgrade to another version is enabled"));
    }

    @Test
    void aMemberOnAnotherPatchOfTheTargetLineRefuses() {
        ObservedCluster stray = three("v3.6.14", ENABLED).change("h1", m -> Observed.version(m, "v3.5.30")).build();
        assertThat(refusals(downgrade(stray, "v3.5.33"))).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("etcd-h1 (v3.5.30)"));
    }

    @Test
    void offeredOnlyOneMinorBelowAClusterOn36OrLater() {
        assertThat(DowngradeGates.offered(three("v3.6.14", ON_36).build(), EtcdVersion.parse("v3.5.33"))).isTrue();
        assertThat(DowngradeGates.offered(three("v3.7.1", ON_36).build(), EtcdVersion.parse("v3.6.14"))).isTrue();
        assertThat(DowngradeGates.offered(three("v3.7.1", ON_36).build(), EtcdVersion.parse("v3.5.33"))).isFalse();
        assertThat(DowngradeGates.offered(cluster().three("v3.5.33").build(), EtcdVersion.parse("v3.4.23"))).isFalse();
    }

    @Test
    void anUpgradeAskedForAnOlderTargetPointsAtDowngrade() {
        List<UpgradeRefusal> refused = refusals(UpgradePlanner.decide(three("v3.6.14", ON_36).build(),
                EtcdVersion.parse("v3.5.33"), UpgradeRequest.upgrade()));
        assertThat(refused).singleElement().satisfies(r -> assertThat(r.hint()).contains("quorum upgrade --downgrade"));
    }

    private static UpgradeDecision rollBack(ObservedCluster observed) {
        return UpgradePlanner.decide(observed, EtcdVersion.parse("v3.5.33"), UpgradeRequest.rollBack());
    }

    @Test
    void aRollbackWhileADowngradeIsEnabledIsRefusedNamingBothWaysOn() {
        ObservedCluster downgrading = three("v3.6.14", ENABLED)
                .change("h1", m -> Observed.kept(Observed.downgrade(Observed.version(m, "v3.5.33"),
                        DowngradeStatus.NOT_READ), "v3.6.14"))
                .change("h2", m -> Observed.kept(m, "v3.5.33")).change("h3", m -> Observed.kept(m, "v3.5.33")).build();
        assertThat(refusals(rollBack(downgrading))).singleElement().satisfies(r -> {
            assertThat(r.gate()).isEqualTo(Gate.ROLLBACK);
            assertThat(r.reason()).contains("a downgrade to 3.5.0 is under way").contains("would finish it");
            assertThat(r.hint()).contains("quorum upgrade --downgrade").contains("etcd_version to v3.6.14");
        });
    }

    @Test
    void aRollbackOfAnUpgradeTo36UnderWayGoesOnWhenEtcdSaysNoDowngradeIsEnabled() {
        ObservedCluster upgrading = cluster().three("v3.5.33").change("h1", m -> Observed.kept(Observed.downgrade(
                Observed.version(m, "v3.6.14"), new DowngradeStatus(true, "3.5.0", Optional.empty(), "")), "v3.5.33"))
                .build();
        UpgradeShape shape = shape(rollBack(upgrading));
        assertThat(shape.rollback()).isTrue();
        assertThat(shape.pending()).containsExactly("h1");
    }

    @Test
    void aRollbackThatCannotTellAnUpgradeFromADowngradeIsRefusedNamingTheMember() {
        ObservedCluster unread = cluster().three("v3.5.33").change("h1", m -> Observed.kept(Observed.downgrade(
                Observed.version(m, "v3.6.14"), DowngradeStatus.notRead("SSH: timeout")), "v3.5.33")).build();
        assertThat(refusals(rollBack(unread))).singleElement().satisfies(r -> {
            assertThat(r.gate()).isEqualTo(Gate.ROLLBACK);
            assertThat(r.reason()).contains("etcd-h1 (SSH: timeout)");
        });
    }
}
