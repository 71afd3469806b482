package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusChangesTest {
    static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");

    static MemberStatus member(int i, long leader) {
        String url = "https://10.0.0." + i + ":2379";
        return new MemberStatus("node" + i, "etcd" + i, url,
                Optional.of(new EndpointStatus(url, i, "3.6.14", leader, 2, 10, 10, 1, 1, false, List.of())), "");
    }

    static ClusterStatus status(long leader, List<String> listed, List<String> alarms) {
        return new ClusterStatus(List.of(member(1, leader), member(2, leader)),
                listed.stream().map(n -> new MemberInfo(n.hashCode(), n, List.of(), List.of(), false)).toList(),
                alarms, true, "");
    }

    @Test
    void leaderMembersAndAlarmsInWords() {
        ClusterStatus before = status(1, List.of("etcd1", "etcd2", "etcd3"), List.of());
        ClusterStatus now = status(2, List.of("etcd1", "etcd2", "etcd4"), List.of("NOSPACE on etcd1"));

        assertThat(StatusChanges.between(before, now, AT)).extracting(TimelineEvent::kind, TimelineEvent::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TimelineEvent.Kind.LEADER_CHANGE, "Leader: etcd1 -> etcd2 (status)"),
                        org.assertj.core.groups.Tuple.tuple(TimelineEvent.Kind.MEMBER_CHANGE, "etcd4 joined the member list"),
                        org.assertj.core.groups.Tuple.tuple(TimelineEvent.Kind.MEMBER_CHANGE, "etcd3 left the member list"),
                        org.assertj.core.groups.Tuple.tuple(TimelineEvent.Kind.ALARM, "Alarm raised: NOSPACE on etcd1"));
        assertThat(StatusChanges.between(now, now, AT)).isEmpty();
    }

    @Test
    void aReadWhereNoMemberAnsweredIsNoChange() {
        ClusterStatus before = status(1, List.of("etcd1"), List.of());
        ClusterStatus silent = new ClusterStatus(List.of(new MemberStatus("node1", "etcd1", "u", Optional.empty(),
                "refused")), List.of(), List.of(), false, "no quorum");

        assertThat(StatusChanges.between(before, silent, AT)).isEmpty();
        assertThat(StatusChanges.between(silent, before, AT)).isEmpty();
    }
}
