package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When watching for a leader can be skipped (decision 0078): only stopped voters count against a majority. */
class QuorumEvidenceTest {
    private static final Map<String, String> TWO_DOWN = Map.of("etcd2", "h2: not running", "etcd3", "h3: no leader");

    @Test
    void aMajorityStoppedCannotElectALeader() {
        QuorumEvidence evidence = new QuorumEvidence(3, List.of("etcd1"), TWO_DOWN, Map.of(), Set.of("etcd2", "etcd3"));

        assertThat(evidence.state()).isEqualTo(QuorumEvidence.State.LOST);
        assertThat(evidence.noMajorityCanRun()).isTrue();
    }

    @Test
    void downMembersThatRunMayBeInAnElection() {
        assertThat(new QuorumEvidence(3, List.of("etcd1"), TWO_DOWN, Map.of(), Set.of("etcd2")).noMajorityCanRun())
                .isFalse();
        assertThat(new QuorumEvidence(3, List.of("etcd1"), TWO_DOWN, Map.of()).noMajorityCanRun())
                .as("nothing known to be stopped").isFalse();
    }

    @Test
    void votersThatCouldNotBeAskedMayRun() {
        QuorumEvidence evidence = new QuorumEvidence(5, List.of("etcd1"), TWO_DOWN,
                Map.of("etcd4", "h4 could not be asked over SSH", "etcd5", "not in the inventory"),
                Set.of("etcd2", "etcd3"));

        assertThat(evidence.noMajorityCanRun()).as("etcd1, etcd4 and etcd5 may make three of five").isFalse();
    }

    @Test
    void declaringMembersLostKeepsWhatIsKnownStopped() {
        QuorumEvidence declared = new QuorumEvidence(5, List.of(), Map.of("etcd1", "h1: not running"),
                Map.of("etcd4", "SSH: timed out"), Set.of("etcd1")).declaringLost(List.of("etcd4"));

        assertThat(declared.stopped()).containsExactly("etcd1");
        assertThat(declared.down()).containsKeys("etcd1", "etcd4");
    }

    @Test
    void aStoppedVoterMustBeADownOne() {
        assertThatThrownBy(() -> new QuorumEvidence(3, List.of("etcd1"), Map.of(), Map.of(), Set.of("etcd1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
