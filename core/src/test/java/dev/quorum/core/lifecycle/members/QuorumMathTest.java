package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumMathTest {
    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "3,2", "4,3", "5,3", "6,4", "7,4"})
    void quorumIsAMajority(int voters, int quorum) {
        assertThat(QuorumMath.quorum(voters)).isEqualTo(quorum);
    }

    @Test
    void aHealthyFollowerOfThreeCanGo() {
        assertThat(QuorumMath.removalKeepsQuorum(3, 3, true, true)).isTrue();
    }

    @Test
    void aDeadMemberOfThreeCanGoWhileTheOtherTwoAreHealthy() {
        assertThat(QuorumMath.removalKeepsQuorum(3, 2, true, false)).isTrue();
    }

    @Test
    void aHealthyMemberCannotGoWhileAnotherIsDown() {
        // 3 voters, one down: removing a healthy one leaves 2 voters with 1 healthy, below quorum 2.
        assertThat(QuorumMath.removalKeepsQuorum(3, 2, true, true)).isFalse();
    }

    @Test
    void nothingCanGoFromAClusterWithoutQuorum() {
        assertThat(QuorumMath.removalKeepsQuorum(3, 1, true, false)).isFalse();
        assertThat(QuorumMath.removalKeepsQuorum(3, 1, false, false)).isFalse();
    }

    @Test
    void theLastVoterCannotGo() {
        assertThat(QuorumMath.removalKeepsQuorum(1, 1, true, true)).isFalse();
    }

    @Test
    void aLearnerCanGoWheneverTheVotersCommit() {
        assertThat(QuorumMath.removalKeepsQuorum(3, 2, false, true)).isTrue();
    }

    @Test
    void fourToThreeWithOneDeadKeepsQuorumOnlyWhenTheDeadOneGoes() {
        assertThat(QuorumMath.removalKeepsQuorum(4, 3, true, false)).isTrue();
        assertThat(QuorumMath.removalKeepsQuorum(4, 3, true, true)).isTrue();
        assertThat(QuorumMath.removalKeepsQuorum(4, 2, true, false)).isFalse();
    }
}
