package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A look right after the member list was read takes each member's answer to that read: one status call per member
 * and command (issue 18, decision 0058); a member that did not answer then is asked again, with the same words.
 */
@Timeout(30)
class ClusterProbeAnswersTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private static EtcdMember member(int i) {
        String address = "10.0.0." + i;
        return new EtcdMember(new InventoryHost("node" + i, address, new SshTarget(address, 22, "root", Optional.empty()),
                Map.of()), "etcd" + i);
    }

    private static EndpointStatus answer(int i, long raftIndex) {
        return new EndpointStatus(member(i).clientUrl(), i, "3.5.21", 1, 2, raftIndex, raftIndex, 20_000, 16_000, false,
                List.of());
    }

    private static final List<EtcdMember> MEMBERS = List.of(member(1), member(2), member(3));

    @Test
    void withoutAnswersEveryMemberIsAsked() {
        StatusCallCounter etcd = answering(Map.of(member(1).clientUrl(), answer(1, 10),
                member(2).clientUrl(), answer(2, 10), member(3).clientUrl(), answer(3, 10)));

        ClusterStatus status = ClusterProbe.probe(etcd, MEMBERS, TIMEOUT, new SilentEndpoints());

        assertThat(etcd.statusCalls()).hasSize(3);
        assertThat(status.healthyCount()).isEqualTo(3);
    }

    @Test
    void membersThatJustAnsweredAreNotAskedAgain() {
        StatusCallCounter etcd = answering(Map.of(member(1).clientUrl(), answer(1, 11),
                member(2).clientUrl(), answer(2, 11), member(3).clientUrl(), answer(3, 11)));
        List<EndpointStatus> read = List.of(answer(1, 10), answer(2, 10), answer(3, 10));

        ClusterStatus status = ClusterProbe.probe(etcd, MEMBERS, TIMEOUT, new SilentEndpoints(), read);

        assertThat(etcd.statusCalls()).isEmpty();
        assertThat(status.members()).extracting(m -> m.status().orElseThrow()).containsExactlyElementsOf(read);
        assertThat(status.members()).extracting(MemberStatus::hostName).containsExactly("node1", "node2", "node3");
        assertThat(status.healthy()).isFalse(); // the fake lists no members: only the statuses are taken
    }

    @Test
    void aMemberThatDidNotAnswerIsAskedAgainAndStaysUnknownWithTheSameWords() {
        StatusCallCounter etcd = answering(Map.of(member(1).clientUrl(), answer(1, 10),
                member(2).clientUrl(), answer(2, 10)));

        ClusterStatus reused = ClusterProbe.probe(etcd, MEMBERS, TIMEOUT, new SilentEndpoints(),
                List.of(answer(1, 10), answer(2, 10)));
        ClusterStatus asked = ClusterProbe.probe(etcd, MEMBERS, TIMEOUT, new SilentEndpoints());

        assertThat(etcd.statusCalls()).containsExactly(member(3).clientUrl(),
                member(1).clientUrl(), member(2).clientUrl(), member(3).clientUrl());
        MemberStatus silent = reused.members().get(2);
        assertThat(silent.reachable()).isFalse();
        assertThat(silent.error()).isEqualTo("no answer in time").isEqualTo(asked.members().get(2).error());
        assertThat(reused.sentence()).isEqualTo(asked.sentence());
    }

    @Test
    void anAnswerWithoutALeaderOrWithErrorsIsAskedAgain() {
        StatusCallCounter etcd = answering(Map.of(member(1).clientUrl(), answer(1, 11),
                member(2).clientUrl(), answer(2, 11), member(3).clientUrl(), answer(3, 11)));
        EndpointStatus electing = new EndpointStatus(member(1).clientUrl(), 1, "3.5.21", 0, 3, 10, 10, 20_000, 16_000,
                false, List.of());
        EndpointStatus alarmed = new EndpointStatus(member(2).clientUrl(), 2, "3.5.21", 1, 2, 10, 10, 20_000, 16_000,
                false, List.of("etcdserver: mvcc: database space exceeded"));

        ClusterStatus status = ClusterProbe.probe(etcd, MEMBERS, TIMEOUT, new SilentEndpoints(),
                List.of(electing, alarmed, answer(3, 10)));

        assertThat(etcd.statusCalls()).containsExactly(member(1).clientUrl(), member(2).clientUrl());
        assertThat(status.members()).extracting(m -> m.status().orElseThrow())
                .containsExactly(answer(1, 11), answer(2, 11), answer(3, 10));
    }

    @Test
    void anAnswerFromAnotherEndpointIsNotTaken() {
        StatusCallCounter etcd = answering(Map.of(member(1).clientUrl(), answer(1, 10)));

        ClusterProbe.probe(etcd, List.of(member(1)), TIMEOUT, new SilentEndpoints(), List.of(answer(2, 10)));

        assertThat(etcd.statusCalls()).containsExactly(member(1).clientUrl());
    }

    /** Each member's own status as given, the member status calls counted. */
    private static StatusCallCounter answering(Map<String, EndpointStatus> statuses) {
        return new StatusCallCounter(new GivenStatusesEtcd(statuses));
    }
}
