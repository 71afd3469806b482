package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When starting members that are only stopped brings a lost quorum back, and when it does not. */
class QuorumReturnTest {
    private static MemberDiagnosis member(int i, Optional<Boolean> running, ProblemKind... problems) {
        return new MemberDiagnosis("h" + i, "etcd" + i, "10.0.0." + i, true, running, Optional.of(false),
                Optional.empty(), Optional.empty(), false, Optional.empty(),
                Arrays.stream(problems).map(k -> new Problem(k, k.label())).toList(), List.of(), RestoreLeftover.UNKNOWN);
    }

    private static MemberDiagnosis stopped(int i, ProblemKind... more) {
        ProblemKind[] all = Arrays.copyOf(more, more.length + 1);
        all[more.length] = ProblemKind.NOT_RUNNING;
        return member(i, Optional.of(false), all);
    }

    private static MemberDiagnosis frozen(int i) {
        return member(i, Optional.of(true), ProblemKind.FROZEN);
    }

    private static MemberDiagnosis leaderless(int i) {
        return member(i, Optional.of(true), ProblemKind.NO_LEADER);
    }

    private static MemberDiagnosis unreachable(int i) {
        return new MemberDiagnosis("h" + i, "etcd" + i, "10.0.0." + i, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(new Problem(ProblemKind.UNREACHABLE, "cannot be reached over SSH")), List.of(),
                RestoreLeftover.UNKNOWN);
    }

    /** The evidence the classifier gives: every voter down but those that could not be asked. */
    private static Optional<QuorumReturn> of(MemberDiagnosis... members) {
        Map<String, String> down = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (MemberDiagnosis m : members) {
            (m.reachable() ? down : unknown).put(m.name(), m.problems().get(0).text());
        }
        return QuorumReturn.of(List.of(members), new QuorumEvidence(members.length, List.of(), down, unknown));
    }

    @Test
    void membersOnlyStoppedOrFrozenBesideOneWaitingForALeaderComeBackTogether() {
        QuorumReturn back = of(leaderless(1), stopped(2), frozen(3)).orElseThrow();

        assertThat(back.start()).containsExactly("h2");
        assertThat(back.restart()).containsExactly("h3");
        assertThat(back.hosts()).containsExactly("h2", "h3");
        assertThat(back.everyMember()).isTrue();
    }

    @Test
    void aMajorityStartedWhileOthersCannotComeBackThatWayWaitsForQuorumOnly() {
        QuorumReturn back = of(stopped(1), stopped(2), stopped(3), stopped(4, ProblemKind.DATA_LOST), unreachable(5))
                .orElseThrow();

        assertThat(back.start()).containsExactly("h1", "h2", "h3");
        assertThat(back.everyMember()).as("h4 needs a re-seed, h5 is not known").isFalse();
    }

    @Test
    void tooFewThatCanBeStartedBringNothingBack() {
        assertThat(of(stopped(1), stopped(2), stopped(3, ProblemKind.DATA_LOST),
                member(4, Optional.of(true), ProblemKind.ISOLATED),
                member(5, Optional.of(true), ProblemKind.PEER_UNREACHABLE))).as("two of five").isEmpty();
        assertThat(of(stopped(1), member(2, Optional.of(true), ProblemKind.ISOLATED),
                stopped(3, ProblemKind.WRONG_CLUSTER))).isEmpty();
    }

    @Test
    void anActiveEtcdThatDoesNotAnswerIsNotCountedAsStartable() {
        // NOT_RUNNING with the service active: its process runs (or waits for the disk), a start would do nothing
        assertThat(of(member(1, Optional.of(true), ProblemKind.NOT_RUNNING), stopped(2),
                member(3, Optional.empty(), ProblemKind.NOT_RUNNING))).isEmpty();
    }

    @Test
    void nothingToStartOrARestoresDropInLeftOrQuorumNotLostIsNoReturn() {
        assertThat(of(leaderless(1), leaderless(2), leaderless(3))).as("nothing to start").isEmpty();
        assertThat(of(stopped(1), stopped(2, ProblemKind.RESTORE_DROP_IN), stopped(3)))
                .as("an interrupted restore is finished by the restore").isEmpty();
        assertThat(of(stopped(1), unreachable(2), unreachable(3))).as("those not asked may hold quorum").isEmpty();
        List<MemberDiagnosis> unknown = List.of(stopped(1), stopped(2), unreachable(3));
        assertThat(QuorumReturn.of(unknown, new QuorumEvidence(3, List.of(), Map.of("etcd1", "", "etcd2", ""),
                Map.of("etcd3", "SSH")))).as("lost: two of three are down").isPresent();
        assertThat(QuorumReturn.of(unknown, new QuorumEvidence(3, List.of("etcd1", "etcd2"), Map.of(),
                Map.of("etcd3", "SSH")))).as("quorum holds").isEmpty();
    }
}
