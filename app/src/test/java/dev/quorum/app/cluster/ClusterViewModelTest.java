package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.ClusterStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewModelTest {
    private final ClusterViewModel model = new ClusterViewModel("c1", List.of(), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:05Z");

    @Test
    void aHealthyClusterShowsItsLeaderHealthInWordsAndTheRefreshTime() {
        model.apply(Statuses.of(100, "follower", "leader", "follower"), AT);

        assertThat(model.members()).extracting(MemberViewModel::state)
                .containsExactly(MemberState.FOLLOWER, MemberState.LEADER, MemberState.FOLLOWER);
        assertThat(model.sentenceProperty().get()).isEqualTo("3/3 healthy, tolerates 1 failure");
        assertThat(model.leaderProperty().get()).isEqualTo("leader: etcd2 on node2");
        assertThat(model.lastRefreshProperty().get()).isEqualTo("refreshed 10:00:05");
        assertThat(model.healthProperty().get()).isEqualTo(ClusterHealth.HEALTHY);
    }

    @Test
    void memberFactsIncludeLagBehindTheLeaderDbSizeAndVersion() {
        model.apply(Statuses.of(100, "leader", "follower", "follower"), AT);

        MemberViewModel third = model.member("etcd3").orElseThrow();
        assertThat(third.lagProperty().get()).isEqualTo("2 entries behind");
        assertThat(model.member("etcd1").orElseThrow().lagProperty().get()).isEqualTo("is the leader");
        assertThat(third.versionProperty().get()).isEqualTo("3.4.23");
        assertThat(third.raftProperty().get()).isEqualTo("term 7, index 98 (applied 98)");
        assertThat(third.dbSizeProperty().get()).isEqualTo("24 KiB of 2.0 GiB quota (20 KiB in use)");
        assertThat(third.alarmsProperty().get()).isEqualTo("none");
    }

    @Test
    void unreachableLearnerAndLeaderlessMembersAreToldApart() {
        model.apply(Statuses.of(100, "leader", "learner", "down"), AT);
        assertThat(model.members()).extracting(MemberViewModel::state)
                .containsExactly(MemberState.LEADER, MemberState.LEARNER, MemberState.UNREACHABLE);
        assertThat(model.member("etcd3").orElseThrow().problemProperty().get()).isEqualTo("no answer in time");

        model.apply(Statuses.of(100, "noleader", "noleader", "down"), AT);
        assertThat(model.members()).extracting(MemberViewModel::state)
                .containsExactly(MemberState.NO_LEADER, MemberState.NO_LEADER, MemberState.UNREACHABLE);
        assertThat(model.sentenceProperty().get()).startsWith("quorum lost");
        assertThat(model.leaderProperty().get()).isEqualTo("no leader");
        assertThat(model.healthProperty().get()).isEqualTo(ClusterHealth.QUORUM_LOST);
    }

    @Test
    void noMemberAnsweringThisWorkstationIsUnknownNotQuorumLost() {
        model.apply(Statuses.of(100, "down", "down", "down"), AT);

        assertThat(model.healthProperty().get()).isEqualTo(ClusterHealth.UNKNOWN);
        assertThat(model.sentenceProperty().get()).startsWith("unknown: no member answered this workstation")
                .contains("quorum diagnose asks each host over SSH");
    }

    @Test
    void aRefreshUpdatesMembersInPlaceAndTheListChangesOnlyWithMembership() {
        model.apply(Statuses.of(100, "leader", "follower", "follower"), AT);
        MemberViewModel first = model.members().get(0);
        int[] listChanges = {0};
        model.members().addListener((javafx.collections.ListChangeListener<MemberViewModel>) c -> listChanges[0]++);
        int[] stateChanges = {0};
        first.stateProperty().addListener((obs, old, now) -> stateChanges[0]++);

        model.apply(Statuses.of(100, "leader", "follower", "follower"), AT.plusSeconds(1));
        model.apply(Statuses.of(140, "follower", "leader", "follower"), AT.plusSeconds(2));

        assertThat(model.members().get(0)).isSameAs(first);
        assertThat(listChanges[0]).isZero();
        assertThat(stateChanges[0]).isEqualTo(1);
        ClusterStatus five = Statuses.of(100, "leader", "follower", "follower", "follower", "follower");
        model.apply(five, AT.plusSeconds(3));
        assertThat(listChanges[0]).isEqualTo(1);
        assertThat(model.members()).hasSize(5).first().isSameAs(first);
    }

    @Test
    void noStatusAtAllMarksEveryMemberUnknownAndSaysWhatToDo() {
        model.apply(Statuses.of(100, "leader", "follower", "follower"), AT);

        model.failed(new NoCertificatesException("c1", java.nio.file.Path.of("/inv/hosts.yaml")), AT);

        assertThat(model.members()).extracting(MemberViewModel::state).containsOnly(MemberState.UNKNOWN);
        assertThat(model.problemProperty().get()).contains("no certificates for cluster c1")
                .contains("quorum install -i /inv/hosts.yaml");
        assertThat(model.healthProperty().get()).isEqualTo(ClusterHealth.UNKNOWN);
    }

    @Test
    void aMissingCaOffersAdoptionUntilTheStatusReadsAgain() {
        assertThat(model.caMissingProperty().get()).isFalse();

        model.failed(new NoCertificatesException("c1", java.nio.file.Path.of("/inv/hosts.yaml")), AT);

        assertThat(model.caMissingProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).contains("Adopt this cluster...")
                .contains("quorum adopt -i /inv/hosts.yaml");

        model.failed(new IllegalStateException("no route to host"), AT.plusSeconds(1));
        assertThat(model.caMissingProperty().get()).as("another failure is not a missing CA").isFalse();

        model.failed(new NoCertificatesException("c1", java.nio.file.Path.of("/inv/hosts.yaml")), AT.plusSeconds(2));
        model.apply(Statuses.of(100, "leader", "follower", "follower"), AT.plusSeconds(3));
        assertThat(model.caMissingProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void aSelectedMemberThatLeavesIsDeselected() {
        model.apply(Statuses.of(100, "leader", "follower", "follower", "follower", "follower"), AT);
        model.select(model.member("etcd5").orElseThrow());

        model.apply(Statuses.of(100, "leader", "follower", "follower"), AT);

        assertThat(model.selectedProperty().get()).isNull();
    }
}
