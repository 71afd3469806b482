package dev.quorum.app.remove;

import dev.quorum.app.wizard.ClusterMembers.Member;
import dev.quorum.core.lifecycle.members.RemovalVerdict;
import java.util.List;

/**
 * What removing one member does to the cluster's quorum, in words, from the members as last read:
 * core's {@link RemovalVerdict} (the remove guard's own decision and words) on the counts of the
 * member page. The guard decides again on the live cluster when the plan is reviewed and run.
 *
 * @param words   the arithmetic ("3 voting members -> 2: still tolerates 0 failures (quorum 2)."), empty when refused
 * @param refusal why the guard will refuse it and what to do instead, empty when it is allowed
 */
public record RemovalOutlook(String words, String refusal) {

    public static RemovalOutlook of(List<Member> members, Member leaving) {
        RemovalVerdict verdict = new RemovalVerdict(leaving.name(), members.size(),
                (int) members.stream().filter(Member::voter).count(),
                (int) members.stream().filter(m -> m.voter() && m.answering()).count(),
                leaving.voter(), leaving.answering());
        if (verdict.allowed()) {
            return new RemovalOutlook(sentence(verdict.words(), leaving.name()), "");
        }
        String more = verdict.lastMember() ? "" : " Recover... (the Diagnose / Recover wizard) shows what each host sees.";
        return new RemovalOutlook("", sentence(verdict.refusal(), leaving.name()) + " "
                + sentence(verdict.hint(), leaving.name()) + more);
    }

    /**
     * One of the etcd group the member list no longer shows: the cluster's quorum does not change, only its host is
     * cleaned up (etcd there may still run as a removed member, restarting).
     */
    public static RemovalOutlook retiring(Member former) {
        return new RemovalOutlook(former.name() + " is no longer in the member list: the quorum stays as it is; the "
                + "removal only stops etcd on " + former.host() + " and moves its data aside.", "");
    }

    public boolean allowed() {
        return refusal.isEmpty();
    }

    /** Core's words as a sentence; a member name stays as etcd spells it. */
    private static String sentence(String words, String member) {
        String start = words.startsWith(member) ? words.substring(0, 1) : words.substring(0, 1).toUpperCase();
        return start + words.substring(1) + ".";
    }
}
