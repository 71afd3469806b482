package dev.quorum.app.remove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.wizard.ClusterMembers.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remove page's words from the members as read: the quorum arithmetic, or why core's remove guard will refuse. */
class RemovalOutlookTest {
    private static Member up(int n) {
        return new Member("etcd" + n, "lab" + n, "198.19.77." + n, true, true);
    }

    private static Member down(int n) {
        return new Member("etcd" + n, "lab" + n, "198.19.77." + n, false, true);
    }

    @Test
    void aFollowerOfThreeLeavesTwoThatTolerateNoFailure() {
        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1), up(2), up(3)), up(2));

        assertThat(outlook.allowed()).isTrue();
        assertThat(outlook.words()).isEqualTo("3 voting members -> 2: still tolerates 0 failures (quorum 2).");
    }

    /** A host of the etcd group the member list no longer shows (removed while cut off): only its host is retired. */
    @Test
    void aFormerMemberLeavesTheQuorumAsItIs() {
        Member former = new Member("etcd3", "lab3", "198.19.77.3", false, false, false);

        RemovalOutlook outlook = RemovalOutlook.retiring(former);

        assertThat(outlook.allowed()).isTrue();
        assertThat(outlook.words()).isEqualTo("etcd3 is no longer in the member list: the quorum stays as it is; the "
                + "removal only stops etcd on lab3 and moves its data aside.");
        assertThat(former).hasToString("etcd3 on lab3 (198.19.77.3), not in the member list");
    }

    @Test
    void fiveToFourStillToleratesOneFailure() {
        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1), up(2), up(3), up(4), up(5)), up(5));

        assertThat(outlook.words()).isEqualTo("5 voting members -> 4: still tolerates 1 failure (quorum 3).");
    }

    @Test
    void aDeadMemberMayGoAndTheWordsSaySo() {
        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1), up(2), down(3)), down(3));

        assertThat(outlook.allowed()).isTrue();
        assertThat(outlook.words()).isEqualTo(
                "3 voting members -> 2 (etcd3 is not answering): still tolerates 0 failures (quorum 2).");
    }

    @Test
    void removingAHealthyMemberBesideADeadOneWouldLoseQuorum() {
        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1), up(2), down(3)), up(2));

        assertThat(outlook.allowed()).isFalse();
        assertThat(outlook.words()).isEmpty();
        assertThat(outlook.refusal()).isEqualTo("Removing etcd2 would leave the cluster without quorum (2 voters "
                + "would need 2 healthy, 1 would be). Bring the unhealthy members back first; if quorum is lost for "
                + "good, restore from a snapshot. Recover... (the Diagnose / Recover wizard) shows what each host sees.");
    }

    @Test
    void theLastMemberIsNeverRemoved() {
        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1)), up(1));

        assertThat(outlook.refusal()).isEqualTo("etcd1 is the last member of the cluster. Removing it would destroy "
                + "the cluster; take a snapshot and stop etcd instead.");
    }

    @Test
    void withoutQuorumNowNothingIsRemovedAndRecoveryIsNamed() {
        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1), down(2), down(3)), down(3));

        assertThat(outlook.refusal()).startsWith("The cluster has no quorum now (1 of 3 voting members healthy): no "
                + "member can be removed. Bring the unhealthy members back first").contains("Recover... (the Diagnose / Recover wizard)");
    }

    @Test
    void aLearnerLeavesTheVotersAsTheyAre() {
        Member learner = new Member("etcd4", "lab4", "198.19.77.4", true, false);

        RemovalOutlook outlook = RemovalOutlook.of(List.of(up(1), up(2), up(3), learner), learner);

        assertThat(outlook.words()).isEqualTo("etcd4 is a learner: the 3 voting members stay; still tolerates 1 failure.");
    }

    @Test
    void theWarningSaysTheDataDirIsMovedAsideNotDeleted() {
        assertThat(RemoveChoices.warning(null, null)).isEmpty();
        assertThat(RemoveChoices.warning(up(2), null)).startsWith("On lab2 etcd is stopped and disabled")
                .contains("moved aside").contains("(not deleted)");
    }
}
