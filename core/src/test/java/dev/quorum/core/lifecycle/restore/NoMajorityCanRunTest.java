package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.QuorumEvidence;
import dev.quorum.core.lifecycle.recover.RestoreLeftover;
import dev.quorum.core.lifecycle.recover.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the restore's guard may skip watching for a leader (decision 0078): only when the voters whose own hosts say
 * etcd is stopped leave too few to make a majority. Pure: a hand-made diagnosis and the hosts systemd did not call
 * stopped.
 */
class NoMajorityCanRunTest {

    @Test
    void twoOfThreeStoppedCannotElectALeader() {
        Diagnosis lost = diagnosis(3, Map.of("etcd2", "node2: not running", "etcd3", "node3: not running"), Map.of(),
                "node1", "node2", "node3");

        assertThat(QuorumLostGuardStep.noMajorityCanRun(lost, List.of("node1"))).isTrue();
    }

    @Test
    void runningMembersWithoutALeaderMayBeInAnElectionAndAreWatched() {
        Diagnosis noLeader = diagnosis(3, Map.of("etcd2", "node2: has no leader", "etcd3", "node3: has no leader"),
                Map.of(), "node1", "node2", "node3");

        assertThat(QuorumLostGuardStep.noMajorityCanRun(noLeader, List.of("node1", "node2", "node3"))).isFalse();
        assertThat(QuorumLostGuardStep.noMajorityCanRun(noLeader, List.of("node1", "node2")))
                .as("one stopped leaves two running: a majority of three").isFalse();
    }

    @Test
    void aVoterThatCouldNotBeAskedMayBeRunning() {
        Diagnosis partly = diagnosis(5, Map.of("etcd2", "node2: not running", "etcd3", "node3: not running"),
                Map.of("etcd4", "node4 could not be asked over SSH", "etcd5", "not in the inventory"),
                "node1", "node2", "node3", "node4");

        assertThat(QuorumLostGuardStep.noMajorityCanRun(partly, List.of("node1", "node4")))
                .as("etcd1, etcd4 and etcd5 may run: a majority of five").isFalse();
    }

    @Test
    void aNameTwoMembersShareIsNeverCountedStopped() {
        Diagnosis ambiguous = diagnosis(3, Map.of("etcd2", "node2: not running", "etcd3", "node3: not running"),
                Map.of(), "node1", "node2", "node3");
        List<MemberDiagnosis> twins = new java.util.ArrayList<>(ambiguous.members());
        twins.add(member("node4", "etcd3"));
        Diagnosis withTwin = new Diagnosis(Instant.EPOCH, Verdict.QUORUM_LOST, "", twins, Map.of(), List.of(),
                ambiguous.quorum());

        assertThat(QuorumLostGuardStep.noMajorityCanRun(withTwin, List.of("node1"))).isFalse();
    }

    private static Diagnosis diagnosis(int voters, Map<String, String> down, Map<String, String> unknown,
                                       String... hosts) {
        List<String> downNames = List.copyOf(down.keySet());
        List<String> up = new java.util.ArrayList<>();
        List<MemberDiagnosis> members = new java.util.ArrayList<>();
        for (String host : hosts) {
            String name = "etcd" + host.substring(4);
            members.add(member(host, name));
            if (!downNames.contains(name) && !unknown.containsKey(name)) {
                up.add(name);
            }
        }
        return new Diagnosis(Instant.EPOCH, Verdict.QUORUM_LOST, "", members, Map.of(), List.of(),
                new QuorumEvidence(voters, up, down, unknown));
    }

    private static MemberDiagnosis member(String host, String name) {
        return new MemberDiagnosis(host, name, "127.88.0." + host.substring(4), true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(), List.of(),
                RestoreLeftover.UNKNOWN);
    }
}
