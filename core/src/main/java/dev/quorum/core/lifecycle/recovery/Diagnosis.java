package dev.quorum.core.lifecycle.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as its hosts see it: a verdict and its sentence, each member, who reaches whom
 * (host -> peer host -> a TCP connection to the peer port opened), and what to do next, the
 * recommended action first.
 */
public record Diagnosis(Instant takenAt, Verdict verdict, String sentence, List<MemberDiagnosis> members,
                        Map<String, Map<String, Boolean>> connectivity, List<RecommendedAction> actions) {
    public Diagnosis {
        members = List.copyOf(members);
        connectivity = Map.copyOf(connectivity);
        actions = List.copyOf(actions);
    }

    public Optional<MemberDiagnosis> member(String hostOrName) {
        return members.stream().filter(m -> m.host().equals(hostOrName) || m.name().equals(hostOrName)).findFirst();
    }

    public Optional<MemberDiagnosis> leader() {
        return members.stream().filter(MemberDiagnosis::leader).findFirst();
    }
}
