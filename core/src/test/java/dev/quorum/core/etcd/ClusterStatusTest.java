package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status sentence says why a cluster whose members all answer is still not healthy. */
class ClusterStatusTest {

    private static MemberStatus answering(int i) {
        String url = "https://10.0.0." + i + ":2379";
        return new MemberStatus("node" + i, "etcd" + i, url, Optional.of(new EndpointStatus(url, i, "3.4.23", 1, 2,
                10, 10, 20_000, 16_000, false, List.of())), "");
    }

    private static MemberInfo listed(int i) {
        return new MemberInfo(i, "etcd" + i, List.of("https://10.0.0." + i + ":2380"),
                List.of("https://10.0.0." + i + ":2379"), false);
    }

    @Test
    void aMemberTheClusterDoesNotListIsNamed() {
        ClusterStatus renamed = new ClusterStatus(List.of(answering(1), answering(2), answering(3)),
                List.of(listed(1), listed(2), new MemberInfo(9, "etcd9", List.of(), List.of(), false)), List.of(),
                true, "");

        assertThat(renamed.healthy()).isFalse();
        assertThat(renamed.sentence()).isEqualTo("3/3 healthy, tolerates 1 failure; not in the cluster's member list: "
                + "etcd3 (check the inventory's etcd group and etcd_member_name)");
    }

    @Test
    void aHealthyClusterSaysNoMore() {
        ClusterStatus healthy = new ClusterStatus(List.of(answering(1), answering(2), answering(3)),
                List.of(listed(1), listed(2), listed(3)), List.of(), true, "");

        assertThat(healthy.healthy()).isTrue();
        assertThat(healthy.sentence()).isEqualTo("3/3 healthy, tolerates 1 failure");
    }
}
