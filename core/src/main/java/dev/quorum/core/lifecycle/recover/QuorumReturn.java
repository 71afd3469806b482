package dev.quorum.core.lifecycle.recover;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quorum lost only because voters are stopped or frozen on hosts that answered, their data intact: how a cluster
 * looks after a power cut its etcd did not start from, or a maintenance that stopped etcd everywhere. Starting
 * them loses nothing (raft elects among members that keep their logs), where a restore loses every write since
 * its snapshot, so recover does that without quorum too (decision 0072). Counted on the hosts' own word: a voter
 * whose host could not be asked is never expected back.
 *
 * @param start       hosts whose etcd service is stopped or failed, data intact
 * @param restart     hosts whose etcd process is stopped ({@link ProblemKind#FROZEN})
 * @param everyMember every member that does not serve is among them or only waits for a leader, so the run can
 *                    wait for the whole cluster; otherwise it waits for quorum and recover runs again for the rest
 */
public record QuorumReturn(List<String> start, List<String> restart, boolean everyMember) {
    /** A running voter with these problems only serves again as soon as a majority runs. */
    private static final Set<ProblemKind> WAITS_FOR_A_LEADER = EnumSet.of(ProblemKind.NO_LEADER, ProblemKind.LAGGING,
            ProblemKind.ALARM);

    public QuorumReturn {
        start = List.copyOf(start);
        restart = List.copyOf(restart);
    }

    /**
     * Present when quorum is lost and the voters that serve, wait for a leader, or come back by a start or a
     * restart make a majority. Empty while a restore's drop-in is left anywhere: the interrupted restore is
     * finished by running it again, not by starting members that may hold the restored data beside the old.
     */
    static Optional<QuorumReturn> of(List<MemberDiagnosis> members, QuorumEvidence evidence) {
        if (evidence.state() != QuorumEvidence.State.LOST
                || members.stream().anyMatch(m -> m.has(ProblemKind.RESTORE_DROP_IN))) {
            return Optional.empty();
        }
        List<String> start = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        int back = evidence.up().size();
        boolean everyMember = true;
        for (MemberDiagnosis m : members) {
            boolean voter = evidence.down().containsKey(m.name());
            if (startable(m)) {
                start.add(m.host());
            } else if (restartable(m)) {
                restart.add(m.host());
            } else if (!waitsForALeader(m)) {
                everyMember &= m.healthy();
                continue;
            }
            back += voter ? 1 : 0;
        }
        if (back < evidence.quorumSize() || start.isEmpty() && restart.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuorumReturn(start, restart, everyMember));
    }

    private static boolean startable(MemberDiagnosis m) {
        return m.reachable() && m.running().equals(Optional.of(false)) && m.has(ProblemKind.NOT_RUNNING)
                && !m.needs(ProblemKind.Remedy.RESEED) && !m.has(ProblemKind.LEARNER) && !m.needsTheOperatorFirst();
    }

    private static boolean restartable(MemberDiagnosis m) {
        return m.reachable() && m.has(ProblemKind.FROZEN) && !m.needs(ProblemKind.Remedy.RESEED)
                && !m.needsTheOperatorFirst();
    }

    private static boolean waitsForALeader(MemberDiagnosis m) {
        return m.reachable() && m.running().equals(Optional.of(true)) && !m.healthy()
                && m.problems().stream().allMatch(p -> WAITS_FOR_A_LEADER.contains(p.kind()));
    }

    /** Every host it starts or restarts, in the diagnosis' order of each list. */
    public List<String> hosts() {
        List<String> all = new ArrayList<>(start);
        all.addAll(restart);
        return all;
    }
}
