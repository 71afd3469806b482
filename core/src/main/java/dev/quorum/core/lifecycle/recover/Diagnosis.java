package dev.quorum.core.lifecycle.recover;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as its hosts see it: a verdict and its sentence, each member, who reaches whom
 * (host -> peer host -> a TCP connection to the peer port opened), and what to do next, the
 * recommended action first; and the evidence about quorum the verdict rests on. The one model of
 * the cluster's state that diagnose, recover, restore's guard and the app decide from.
 */
public record Diagnosis(Instant takenAt, Verdict verdict, String sentence, List<MemberDiagnosis> members,
                        Map<String, Map<String, Boolean>> connectivity, List<RecommendedAction> actions,
                        QuorumEvidence quorum) {
    public Diagnosis {
        members = List.copyOf(members);
        connectivity = Map.copyOf(connectivity);
        actions = List.copyOf(actions);
    }

    /** A majority of the voters' own hosts report them serving with a leader. */
    public boolean hasQuorum() {
        return quorum.state() == QuorumEvidence.State.HOLDS;
    }

    /**
     * How long to watch before taking "no quorum" for a fact: two election timeouts (a leader just cut
     * off leaves its followers leaderless for up to that long), plus the time one diagnosis takes.
     */
    public static java.time.Duration settleTime(int electionMillis) {
        return java.time.Duration.ofMillis(2L * electionMillis).plusSeconds(5);
    }

    /** Present when quorum is lost but starting or restarting members with intact data brings it back. */
    public Optional<QuorumReturn> quorumReturn() {
        return QuorumReturn.of(members, quorum);
    }

    public Optional<MemberDiagnosis> member(String hostOrName) {
        return members.stream().filter(m -> m.host().equals(hostOrName) || m.name().equals(hostOrName)).findFirst();
    }

    public Optional<MemberDiagnosis> leader() {
        return members.stream().filter(MemberDiagnosis::leader).findFirst();
    }
}
