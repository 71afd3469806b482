package dev.quorum.app.replace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.wizard.ClusterMembers.Member;
import org.junit.jupiter.api.Test;

/** What the replace page says about the member chosen and the host chosen, before any plan. */
class ReplaceChoicesTest {
    private static final Member LISTED = new Member("etcd3", "lab3", "10.0.0.3", false);
    private static final Member FORMER = new Member("etcd3", "lab3", "10.0.0.3", false, false, false);

    @Test
    void aFormerMembersReplacementSaysTheQuorumStaysAndItsHostIsCleanedUp() {
        assertThat(ReplaceChoices.outlook(FORMER)).isEqualTo("etcd3 is no longer in the member list: the quorum "
                + "stays as it is; the replacement stops etcd on lab3, moves its data aside, then the new host joins.");
        assertThat(ReplaceChoices.outlook(LISTED)).isEmpty();
        assertThat(ReplaceChoices.outlook(null)).isEmpty();
    }

    @Test
    void theOldMembersOwnHostIsRefusedAsTheNewHostWithWhatToDoInstead() {
        assertThat(ReplaceChoices.sameHost(FORMER, "lab3")).isEqualTo("lab3 is the host of etcd3 itself: to rebuild "
                + "a member on the same host, remove it and add the host again.");
        assertThat(ReplaceChoices.sameHost(LISTED, "lab3")).startsWith("lab3 is the host of etcd3 itself");
        assertThat(ReplaceChoices.sameHost(FORMER, "lab4")).isEmpty();
        assertThat(ReplaceChoices.sameHost(null, "lab4")).isEmpty();
    }
}
