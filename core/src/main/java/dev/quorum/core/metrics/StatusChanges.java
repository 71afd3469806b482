package dev.quorum.core.metrics;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The timeline's events from two status reads in a row (the app's status polling, about once a second): the
 * leader moved, members joined or left the member list, alarms were raised or cleared. A read where no member
 * answered says nothing (unknown is not a change). Pure.
 */
public final class StatusChanges {
    private StatusChanges() {
    }

    public static List<TimelineEvent> between(ClusterStatus before, ClusterStatus now, Instant at) {
        List<TimelineEvent> events = new ArrayList<>();
        if (!before.anyAnswered() || !now.anyAnswered()) {
            return events;
        }
        Optional<String> wasLeader = before.leader().map(MemberStatus::memberName);
        Optional<String> isLeader = now.leader().map(MemberStatus::memberName);
        if (wasLeader.isPresent() && isLeader.isPresent() && !wasLeader.equals(isLeader)) {
            events.add(new TimelineEvent(at, TimelineEvent.Kind.LEADER_CHANGE,
                    "Leader: " + wasLeader.get() + " -> " + isLeader.get() + " (status)"));
        } else if (wasLeader.isPresent() && isLeader.isEmpty()) {
            events.add(new TimelineEvent(at, TimelineEvent.Kind.LEADER_CHANGE,
                    "No member answering says it leads (was " + wasLeader.get() + ")"));
        }
        if (!before.memberList().isEmpty() && !now.memberList().isEmpty()) {
            Set<String> was = names(before.memberList());
            Set<String> is = names(now.memberList());
            difference(is, was).forEach(m -> events.add(member(at, m + " joined the member list")));
            difference(was, is).forEach(m -> events.add(member(at, m + " left the member list")));
        }
        difference(Set.copyOf(now.alarms()), Set.copyOf(before.alarms())).forEach(a ->
                events.add(new TimelineEvent(at, TimelineEvent.Kind.ALARM, "Alarm raised: " + a)));
        difference(Set.copyOf(before.alarms()), Set.copyOf(now.alarms())).forEach(a ->
                events.add(new TimelineEvent(at, TimelineEvent.Kind.ALARM, "Alarm cleared: " + a)));
        return events;
    }

    private static TimelineEvent member(Instant at, String text) {
        return new TimelineEvent(at, TimelineEvent.Kind.MEMBER_CHANGE, text);
    }

    /** A member not started yet has no name: its id stands in. */
    private static Set<String> names(List<MemberInfo> list) {
        return list.stream().map(m -> m.name().isEmpty() ? m.idHex() : m.name()).collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> left = new TreeSet<>(a);
        left.removeAll(b);
        return left;
    }
}
