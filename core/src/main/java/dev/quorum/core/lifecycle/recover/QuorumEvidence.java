package dev.quorum.core.lifecycle.recover;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the voting members' own hosts say about quorum. A voter is <em>up</em> when its host
 * reports etcd active with a leader in the majority's cluster, <em>down</em> when its host answered
 * and says otherwise, and <em>unknown</em> when its host could not be asked (SSH failed, or it is
 * not in the inventory). Quorum is called lost only when the unknown ones could not make a
 * majority even if every one of them were up: a failure to connect from here is never a fact
 * about the cluster.
 *
 * @param up      names of the voters whose hosts report them serving with a leader
 * @param down    voter name -> what its host reports instead
 * @param unknown voter name -> why it could not be asked
 * @param stopped the down voters whose hosts say etcd is stopped: systemd calls the unit inactive or failed and
 *                nothing answers on its loopback endpoint
 */
public record QuorumEvidence(int voters, List<String> up, Map<String, String> down, Map<String, String> unknown,
                             Set<String> stopped) {
    public enum State { HOLDS, LOST, UNKNOWN }

    public QuorumEvidence {
        up = List.copyOf(up);
        down = Map.copyOf(down);
        unknown = Map.copyOf(unknown);
        stopped = Set.copyOf(stopped);
        if (!down.keySet().containsAll(stopped)) {
            throw new IllegalArgumentException("a stopped voter is a down one: " + stopped + " not all in " + down);
        }
    }

    /** Without the stopped ones told apart (a member that is only down may be in an election). */
    public QuorumEvidence(int voters, List<String> up, Map<String, String> down, Map<String, String> unknown) {
        this(voters, up, down, unknown, Set.of());
    }

    public int quorumSize() {
        return voters / 2 + 1;
    }

    public State state() {
        if (up.size() >= quorumSize()) {
            return State.HOLDS;
        }
        return up.size() + unknown.size() < quorumSize() ? State.LOST : State.UNKNOWN;
    }

    /**
     * Raft elects a leader only among a running majority of the voters: with so many stopped that the rest cannot make
     * one, no election is under way and none can start until someone starts etcd, so there is nothing to wait for.
     */
    public boolean noMajorityCanRun() {
        return voters - stopped.size() < quorumSize();
    }

    /** The same evidence after the operator stated that these voters are gone for good. */
    public QuorumEvidence declaringLost(java.util.Collection<String> names) {
        Map<String, String> stillUnknown = new java.util.LinkedHashMap<>(unknown);
        Map<String, String> nowDown = new java.util.LinkedHashMap<>(down);
        for (String name : names) {
            String why = stillUnknown.remove(name);
            if (why != null) {
                nowDown.put(name, "declared lost by the operator (" + why + ")");
            }
        }
        return new QuorumEvidence(voters, up, nowDown, stillUnknown, stopped);
    }

    /** "etcd2 (SSH: connection timed out), etcd3 (not in the inventory)". */
    public String unknownWords() {
        return words(unknown);
    }

    public String downWords() {
        return words(down);
    }

    private static String words(Map<String, String> reasons) {
        return reasons.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
