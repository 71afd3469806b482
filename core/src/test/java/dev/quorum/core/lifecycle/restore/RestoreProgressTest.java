package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which markers continue a run, which say it is done, and which are stale. */
class RestoreProgressTest {
    private static final Map<String, String> NAMES = new LinkedHashMap<>(Map.of("lab1", "etcd1", "lab4", "etcd2",
            "lab5", "etcd3"));

    private static final String MEMBERS = "etcd1=https://a:2380,etcd2=https://b:2380,etcd3=https://c:2380";

    private static RestoreMarker marker(String sha, String token, String name, boolean completed) {
        return marker(sha, token, name, MEMBERS, completed);
    }

    private static RestoreMarker marker(String sha, String token, String name, String members, boolean completed) {
        return new RestoreMarker(sha, token, name, members, "2026-12-01T10:00:00Z",
                completed ? "2026-12-01T10:01:00Z" : "", 0);
    }

    private static RestoreProgress of(String sha, Map<String, Optional<RestoreMarker>> markers) {
        return RestoreProgress.of(sha, MEMBERS, NAMES, markers);
    }

    @Test
    void noMarkersMeansNotStarted() {
        RestoreProgress progress = of("aaa", Map.of());

        assertThat(progress.state()).isEqualTo(RestoreProgress.State.NOT_STARTED);
        assertThat(progress.token()).isEmpty();
    }

    @Test
    void unfinishedMarkersOfThisSnapshotContinueWithTheirToken() {
        RestoreProgress progress = of("aaa",
                Map.of("lab1", Optional.of(marker("aaa", "t1", "etcd1", false))));

        assertThat(progress.state()).isEqualTo(RestoreProgress.State.INTERRUPTED);
        assertThat(progress.token()).contains("t1");
    }

    @Test
    void completedOnEveryHostIsDone() {
        Map<String, Optional<RestoreMarker>> markers = Map.of(
                "lab1", Optional.of(marker("aaa", "t1", "etcd1", true)),
                "lab4", Optional.of(marker("aaa", "t1", "etcd2", true)),
                "lab5", Optional.of(marker("aaa", "t1", "etcd3", true)));

        assertThat(of("aaa", markers).state()).isEqualTo(RestoreProgress.State.COMPLETED);
    }

    @Test
    void aCompletedRestoreThatLostMembersSinceIsANewDisasterEvenWithTheSameSnapshot() {
        RestoreProgress progress = of("aaa",
                Map.of("lab1", Optional.of(marker("aaa", "t1", "etcd1", true))));

        assertThat(progress.state()).isEqualTo(RestoreProgress.State.NOT_STARTED);
    }

    @Test
    void markersOfAnotherSnapshotOrMemberNameDoNotCount() {
        RestoreProgress progress = of("aaa", Map.of(
                "lab1", Optional.of(marker("bbb", "t1", "etcd1", false)),
                "lab4", Optional.of(marker("aaa", "t1", "etcd9", false))));

        assertThat(progress.state()).isEqualTo(RestoreProgress.State.NOT_STARTED);
    }

    @Test
    void markersOfAnotherMemberListAreStale() {
        RestoreProgress progress = of("aaa", Map.of("lab1", Optional.of(marker("aaa", "t1", "etcd1",
                "etcd1=https://a:2380,etcd2=https://b:2380,etcd3=https://old:2380", false))));

        assertThat(progress.state()).as("a host replaced mid-way: every member restored again").isEqualTo(
                RestoreProgress.State.NOT_STARTED);
    }

    @Test
    void aMarkerSurvivesItsOwnTextForm() {
        RestoreMarker written = marker("aaa", "k8s_etcd-restored-1", "etcd1", true);

        assertThat(RestoreMarker.parse(written.render())).contains(written);
        assertThat(RestoreMarker.parse("garbage")).isEmpty();
    }

    @Test
    void anInterruptedRunIsContinuedWithTheRevisionBumpItsMembersHold() {
        RestoreMarker raised = new RestoreMarker("aaa", "t1", "etcd1", MEMBERS, "2026-12-01T10:00:00Z", "", 1_000_000_000L);

        RestoreProgress progress = of("aaa", Map.of("lab1", Optional.of(raised)));

        assertThat(progress.revisionBump()).hasValue(1_000_000_000L);
        assertThat(of("aaa", Map.of()).revisionBump()).as("nothing to continue: the run decides").isEmpty();
    }

    @Test
    void aMarkerWrittenBeforeRevisionsWereRaisedReadsAsKeptRevisions() {
        String older = "SNAPSHOT_SHA256=aaa\nCLUSTER_TOKEN=t1\nMEMBER_NAME=etcd1\nINITIAL_CLUSTER=" + MEMBERS
                + "\nRESTORED_AT=2026-12-01T10:00:00Z\n";

        assertThat(RestoreMarker.parse(older)).map(RestoreMarker::revisionBump).contains(0L);
        assertThat(RestoreMarker.parse(older + "REVISION_BUMP=-5\n")).map(RestoreMarker::revisionBump).contains(0L);
    }
}
