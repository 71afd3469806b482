package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster's versions as the window shows them: per member, the cluster version, mixed versions. */
class ClusterVersionsViewModelTest {
    private final ClusterViewModel model = new ClusterViewModel("c1", List.of(), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:05Z");

    @Test
    void oneVersionEverywhereShowsTheClusterVersionAndNoBadge() {
        model.apply(Statuses.withVersions("3.6.0", "3.6.14", "3.6.14", "3.6.14"), AT);

        assertThat(model.clusterVersionProperty().get()).isEqualTo("3.6");
        assertThat(model.mixedVersionsProperty().get()).isFalse();
        assertThat(model.versionsProperty().get()).isEqualTo("etcd v3.6.14, cluster version 3.6");
        assertThat(model.members()).extracting(m -> m.versionProperty().get()).containsOnly("3.6.14");
    }

    @Test
    void aRollingUpgradeHalfWayIsMixedAndTheBadgeGoesWhenItEnds() {
        model.apply(Statuses.withVersions("3.5.0", "3.5.33", "3.6.14", "3.5.33"), AT);

        assertThat(model.mixedVersionsProperty().get()).isTrue();
        assertThat(model.clusterVersionProperty().get()).isEqualTo("3.5");
        assertThat(model.versionsProperty().get())
                .isEqualTo("mixed versions: v3.5.33 (etcd1, etcd3), v3.6.14 (etcd2); cluster version 3.5");
        assertThat(model.member("etcd2").orElseThrow().versionProperty().get()).isEqualTo("3.6.14");

        model.apply(Statuses.withVersions("3.6.0", "3.6.14", "3.6.14", "3.6.14"), AT.plusSeconds(30));

        assertThat(model.mixedVersionsProperty().get()).isFalse();
        assertThat(model.clusterVersionProperty().get()).isEqualTo("3.6");
    }

    @Test
    void noStatusAtAllForgetsTheVersionsRatherThanShowStaleOnes() {
        model.apply(Statuses.withVersions("3.5.0", "3.5.33", "3.6.14", "3.5.33"), AT);

        model.failed(new IllegalStateException("no route to host"), AT.plusSeconds(1));

        assertThat(model.mixedVersionsProperty().get()).isFalse();
        assertThat(model.clusterVersionProperty().get()).isEqualTo("-");
        assertThat(model.versionsProperty().get()).isEqualTo("versions: -");
    }

    @Test
    void aClusterVersionNotToldIsADash() {
        model.apply(Statuses.withVersions(null, "3.4.23", "3.4.23", "3.4.23"), AT);

        assertThat(model.clusterVersionProperty().get()).isEqualTo("-");
        assertThat(model.versionsProperty().get()).isEqualTo("etcd v3.4.23, cluster version unknown");
    }
}
