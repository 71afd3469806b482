package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The remove guard's decision and its words, as the guard and the app's member page show them. */
class RemovalVerdictTest {

    @Test
    void aHealthyFollowerOfThreeMayGoAndTwoTolerateNoFailure() {
        RemovalVerdict verdict = new RemovalVerdict("etcd2", 3, 3, 3, true, true);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.refusal()).isEmpty();
        assertThat(verdict.hint()).isEmpty();
        assertThat(verdict.words()).isEqualTo("3 voting members -> 2: still tolerates 0 failures (quorum 2)");
    }

    @Test
    void fiveToFourStillToleratesOne() {
        assertThat(new RemovalVerdict("etcd5", 5, 5, 5, true, true).words())
                .isEqualTo("5 voting members -> 4: still tolerates 1 failure (quorum 3)");
    }

    @Test
    void aDeadMemberMayGo() {
        RemovalVerdict verdict = new RemovalVerdict("etcd3", 3, 3, 2, true, false);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.words()).isEqualTo("3 voting members -> 2 (etcd3 is not answering): still tolerates 0 "
                + "failures (quorum 2)");
    }

    @Test
    void aHealthyMemberBesideADeadOneWouldCostTheQuorum() {
        RemovalVerdict verdict = new RemovalVerdict("etcd2", 3, 3, 2, true, true);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal()).isEqualTo("removing etcd2 would leave the cluster without quorum (2 voters "
                + "would need 2 healthy, 1 would be)");
        assertThat(verdict.hint()).startsWith("bring the unhealthy members back first");
    }

    @Test
    void theLastMemberNeverGoes() {
        RemovalVerdict verdict = new RemovalVerdict("etcd1", 1, 1, 1, true, true);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal()).isEqualTo("etcd1 is the last member of the cluster");
        assertThat(verdict.hint()).contains("take a snapshot and stop etcd instead");
    }

    @Test
    void withoutQuorumNowNothingGoesNotEvenALearner() {
        RemovalVerdict verdict = new RemovalVerdict("etcd4", 4, 3, 1, false, true);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal()).isEqualTo("the cluster has no quorum now (1 of 3 voting members healthy): "
                + "no member can be removed");
    }

    @Test
    void aLearnerLeavesTheVotersAsTheyAre() {
        RemovalVerdict verdict = new RemovalVerdict("etcd4", 4, 3, 3, false, true);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.words()).isEqualTo("etcd4 is a learner: the 3 voting members stay; still tolerates 1 failure");
    }
}
