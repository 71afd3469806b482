package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a joining member's slow start counts as progress: the same etcd process, changing its files. */
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
}
