package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hops take a raft snapshot on every member before the first binary is swapped. */
class UpgradeShapeTest {

    private static UpgradeShape shape(String from, String to, boolean rollback, List<String> pending) {
        EtcdVersion a = EtcdVersion.parse(from);
        EtcdVersion b = EtcdVersion.parse(to);
        return new UpgradeShape(new UpgradePath(a, b, List.of(a.line(), b.line())),
                rollback ? UpgradeRequest.Kind.ROLLBACK : UpgradeRequest.Kind.UPGRADE,
                List.of("h1", "h2", "h3"), pending, List.of());
    }

    @Test
    void everyMinorHopSnapshotsFirst() {
        assertThat(shape("v3.4.23", "v3.5.33", false, List.of("h1", "h2", "h3")).snapshotFirst())
                .as("3.4 -> 3.5: decision 0067").isTrue();
        assertThat(shape("v3.5.33", "v3.6.14", false, List.of("h1", "h2", "h3")).snapshotFirst()).isTrue();
        assertThat(shape("v3.6.14", "v3.7.1", false, List.of("h1")).snapshotFirst()).as("a re-run while mixed").isTrue();
    }

    @Test
    void patchHopsRollbacksAndFinishedUpgradesDoNot() {
        assertThat(shape("v3.5.30", "v3.5.33", false, List.of("h1")).snapshotFirst()).isFalse();
        assertThat(shape("v3.5.33", "v3.6.14", true, List.of("h1")).snapshotFirst()).isFalse();
        assertThat(shape("v3.5.33", "v3.6.14", false, List.of()).snapshotFirst()).isFalse();
    }

    @Test
    void aDowngradeDoesNot() {
        EtcdVersion from = EtcdVersion.parse("v3.6.14");
        EtcdVersion to = EtcdVersion.parse("v3.5.33");
        UpgradeShape shape = new UpgradeShape(UpgradePath.of(from, to), UpgradeRequest.Kind.DOWNGRADE,
                List.of("h1", "h2", "h3"), List.of("h1", "h2", "h3"), List.of());
        assertThat(shape.snapshotFirst()).as("etcd migrates the storage; no raft snapshot is needed").isFalse();
        assertThat(shape.downgrade()).isTrue();
        assertThat(shape.rollback()).isFalse();
        assertThat(shape.path().describe()).isEqualTo("3.6 -> 3.5");
    }

    @Test
    void anUpgradeTo36OrLaterThatFindsAMemberThereCancelsAnEnabledDowngradeFirst() {
        assertThat(shape("v3.5.33", "v3.6.14", false, List.of("h2", "h3")).cancelsDowngradeFirst())
                .as("a member on 3.6 already: perhaps a downgrade cut off half way").isTrue();
        assertThat(shape("v3.5.33", "v3.6.14", false, List.of("h1", "h2", "h3")).cancelsDowngradeFirst())
                .as("nobody on 3.6 yet: no downgrade can be enabled").isFalse();
        assertThat(shape("v3.4.23", "v3.5.33", false, List.of("h2")).cancelsDowngradeFirst())
                .as("3.5 has no downgrade").isFalse();
        assertThat(shape("v3.6.10", "v3.6.14", false, List.of("h2")).cancelsDowngradeFirst())
                .as("a patch upgrade on 3.6: a downgrade enabled and cut off before any member moved").isTrue();
        assertThat(shape("v3.6.14", "v3.6.14", false, List.of()).cancelsDowngradeFirst())
                .as("nothing else to do: a downgrade enabled and cut off still pins the cluster to 3.5").isTrue();
        assertThat(shape("v3.5.33", "v3.6.14", true, List.of("h2")).cancelsDowngradeFirst()).isFalse();
    }
}
