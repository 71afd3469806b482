package dev.quorum.core.lifecycle.recover;

import java.util.List;
import java.util.Optional;

/**
 * One member as its own host sees it. Facts that could not be learned (the host did not answer
 * over SSH, etcd did not answer locally) are empty, never guessed.
 *
 * @param lag             raft entries behind the leader
 * @param restoreLeftover a restore's drop-in and marker on its host ({@link RestoreLeftover#UNKNOWN} when not asked)
 */
public record MemberDiagnosis(String host, String name, String address, boolean reachable,
                              Optional<Boolean> running, Optional<Boolean> hasLeader, Optional<Boolean> isolated,
                              Optional<Long> lag, boolean leader, Optional<LocalStatus> status, List<Problem> problems,
                              List<String> logTail, RestoreLeftover restoreLeftover) {
    public MemberDiagnosis {
        problems = List.copyOf(problems);
        logTail = List.copyOf(logTail);
    }

    public boolean has(ProblemKind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    public boolean healthy() {
        return problems.isEmpty();
    }

    /**
     * Something recover cannot fix stands in its way (an expired certificate or CA, a full disk): starting or
     * restarting it cannot help until the operator, or another life-cycle, has fixed that.
     */
    public boolean needsTheOperatorFirst() {
        return needs(ProblemKind.Remedy.RENEW) || needs(ProblemKind.Remedy.ROTATE_CA)
                || needs(ProblemKind.Remedy.FREE_SPACE);
    }

    /** Stopped with its unit disabled or masked, and nothing else wrong: the operator's to bring back. */
    public boolean takenOutOfService() {
        return !problems.isEmpty() && problems.stream().allMatch(p -> p.kind() == ProblemKind.DISABLED);
    }

    public boolean needs(ProblemKind.Remedy remedy) {
        return problems.stream().anyMatch(p -> p.kind().remedy() == remedy);
    }
}
