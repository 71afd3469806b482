package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When a joining member's slow start counts as progress: the same etcd process, changing its files or saying
 * again that it is still applying its backlog.
 */
class CatchUpEvidenceTest {
    private static final String BEFORE = "4242\n61440 1764790000.1 /var/lib/etcd/member/wal/0.wal\n";
    private static final String GREW = "4242\n61440 1764790009.7 /var/lib/etcd/member/wal/0.wal\n";

    @Test
    void theSameProcessWritingIsCatchingUp() {
        assertThat(StartMemberStep.catchingUp(BEFORE, GREW)).isTrue();
    }

    @Test
    void theSameProcessStandingStillIsNot() {
        assertThat(StartMemberStep.catchingUp(BEFORE, BEFORE)).isFalse();
    }

    @Test
    void aRestartedProcessIsACrashLoopNotProgressEvenThoughItTouchedTheFiles() {
        assertThat(StartMemberStep.catchingUp(BEFORE, GREW.replace("4242", "4377"))).isFalse();
    }

    @Test
    void noProcessOrNoEarlierSampleIsNoEvidence() {
        assertThat(StartMemberStep.catchingUp(BEFORE.replace("4242", "0"), GREW.replace("4242", "0"))).isFalse();
        assertThat(StartMemberStep.catchingUp("", GREW)).isFalse();
    }

    @Test
    void theSameProcessSayingAgainThatItIsBehindOnApplyingIsCatchingUp() {
        String behind = BEFORE + "{\"ts\":\"2026-12-04T00:57:13.52Z\",\"msg\":\"failed to publish local member to "
                + "cluster through raft\",\"error\":\"etcdserver: too many requests\"}\n";
        String stillBehind = behind.replace("00:57:13.52Z", "00:57:23.52Z");
        assertThat(StartMemberStep.catchingUp(behind, stillBehind)).isTrue();
        assertThat(StartMemberStep.catchingUp(behind, behind)).as("the same old line is no news").isFalse();
        assertThat(StartMemberStep.catchingUp(behind, stillBehind.replace("4242", "4377")))
                .as("a new process saying it is a crash loop").isFalse();
    }

    @Test
    void onlyTheApplyGapAnswerAsksTheClusterForAnEntry() {
        assertThat(SnapshotApplyNudge.waitsForAnEntry(BEFORE + "{\"msg\":\"failed to publish local member to cluster "
                + "through raft\",\"error\":\"etcdserver: too many requests\"}\n")).isTrue();
        assertThat(SnapshotApplyNudge.waitsForAnEntry(BEFORE)).isFalse();
    }
}
